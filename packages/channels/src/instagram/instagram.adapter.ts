import {
  systemClock,
  type ChannelAdapter,
  type DeliveryReceipt,
  type FetchedMedia,
  type InboundAttachment,
  type InboundEvent,
  type Instant,
  type OutboundMessage,
} from '@keluh/core';
import { answerHandshake, type HandshakeResult } from '../meta/handshake.ts';
import { isValidMetaSignature } from '../meta/signature.ts';
import { InstagramGraphClient, type FetchLike } from './instagram.client.ts';
import { DEFAULT_MEDIA_LIMITS, type MediaRules } from '../outbound/media-download.ts';
import { DEFAULT_INSTAGRAM_CDN_HOSTS, fetchInstagramMedia } from './instagram.media.ts';
import { fetchInstagramProfile, type InstagramProfile } from './instagram.profile.ts';
import { sendInstagramText } from './instagram.send.ts';
import { instagramSettings, type InstagramSettings, type InstagramSettingsInput } from './instagram.settings.ts';
import { parseInstagramWebhook } from './instagram.webhook.ts';

/** One webhook POST after its signature was checked against the raw bytes (§1.2). */
export interface InstagramDelivery {
  body: unknown;
}

export interface InstagramAdapterOptions {
  /** Defaults to the global fetch; tests and the Meta stand-in pass their own. */
  fetch?: FetchLike;
  /** Clock for the messaging-window decision (§3.6). */
  now?: () => Instant;
  /** Where attachment downloads may go and how much they may take (hosts default to Meta's CDN). */
  media?: Partial<MediaRules>;
}

export type InstagramSubscribeResult = { ok: true } | { ok: false; reason: string };

/** The Instagram Messaging channel (channels.md §3) behind the core's ChannelAdapter port. */
export class InstagramAdapter implements ChannelAdapter<InstagramDelivery> {
  readonly channel = 'instagram' as const;
  readonly settings: InstagramSettings;
  private readonly client: InstagramGraphClient;
  private readonly fetcher: FetchLike;
  private readonly now: () => Instant;
  private readonly media: MediaRules;

  constructor(settings: InstagramSettingsInput, options: InstagramAdapterOptions = {}) {
    this.settings = instagramSettings(settings);
    // Resolved per call, not captured: a test may stub the global fetch after the adapter was built.
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
    this.client = new InstagramGraphClient(this.settings, this.fetcher);
    this.now = options.now ?? systemClock.now;
    this.media = { hosts: DEFAULT_INSTAGRAM_CDN_HOSTS, allowHosts: [], ...DEFAULT_MEDIA_LIMITS, ...options.media };
  }

  /** `X-Hub-Signature-256` over the bytes exactly as received, with this channel's own secret (§3.4). */
  verifySignature(rawBody: Uint8Array, header: unknown): boolean {
    return isValidMetaSignature(rawBody, header, this.settings.appSecret);
  }

  /** The GET handshake with this channel's own verify token (§3.2, cases 1–4). */
  answerHandshake(query: Record<string, unknown>): HandshakeResult {
    return answerHandshake(query, this.settings.verifyToken);
  }

  parse(delivery: InstagramDelivery): InboundEvent[] {
    return parseInstagramWebhook(delivery.body, this.settings);
  }

  send(message: OutboundMessage): Promise<DeliveryReceipt> {
    return sendInstagramText({ client: this.client, now: this.now }, message);
  }

  fetchMedia(attachment: InboundAttachment): Promise<FetchedMedia> {
    return fetchInstagramMedia(this.fetcher, attachment, this.media);
  }

  fetchProfile(igsid: string): Promise<InstagramProfile> {
    return fetchInstagramProfile(this.client, igsid);
  }

  /** Re-enables webhooks for this account, e.g. after Meta disabled them for failing (§3.5, case 50). */
  async subscribeApp(): Promise<InstagramSubscribeResult> {
    const outcome = await this.client.subscribeApp();
    if (!outcome.ok) return { ok: false, reason: outcome.error.message };
    return outcome.data.success === true ? { ok: true } : { ok: false, reason: 'Instagram did not confirm the subscription' };
  }
}
