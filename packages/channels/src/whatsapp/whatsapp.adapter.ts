import type { ChannelAdapter, DeliveryReceipt, FetchedMedia, InboundAttachment, InboundEvent, OutboundMessage } from '@keluh/core';
import { answerHandshake, type HandshakeResult } from '../meta/handshake.ts';
import { parseGraphError } from '../meta/graph-error.ts';
import { isValidMetaSignature } from '../meta/signature.ts';
import { WhatsappGraphClient, type WhatsappClientOptions } from './whatsapp.client.ts';
import { fetchWhatsappMedia } from './whatsapp.media.ts';
import { sendWhatsappMessage } from './whatsapp.send.ts';
import type { WhatsappSettings } from './whatsapp.settings.ts';
import { parseWhatsappWebhook, whatsappWebhookErrors, type WhatsappWebhookError } from './whatsapp.webhook.ts';

/** A webhook POST whose signature was already checked over the raw bytes, then JSON-parsed (§1.2). */
export interface WhatsappDelivery {
  body: unknown;
}

export type MarkReadResult = { ok: true } | { ok: false; reason: string };

/** One WhatsApp business number behind the ChannelAdapter port (channels.md §2). */
export class WhatsappAdapter implements ChannelAdapter<WhatsappDelivery> {
  readonly channel = 'whatsapp' as const;
  private readonly client: WhatsappGraphClient;

  constructor(
    private readonly settings: WhatsappSettings,
    options: WhatsappClientOptions = {},
  ) {
    this.client = new WhatsappGraphClient(settings, options);
  }

  /** §1.2: HMAC over the bytes exactly as received, before anything is parsed. */
  verifySignature(rawBody: Uint8Array, header: unknown): boolean {
    return isValidMetaSignature(rawBody, header, this.settings.appSecret);
  }

  /** §1.1 / §2.2 GET handshake with this channel's own verify token (case 4). */
  answerHandshake(query: Record<string, unknown>): HandshakeResult {
    return answerHandshake(query, this.settings.verifyToken);
  }

  parse(delivery: WhatsappDelivery): InboundEvent[] {
    return parseWhatsappWebhook(delivery.body, this.settings);
  }

  /** §2.3.7 account-level errors in the delivery, for the route to log. */
  webhookErrors(delivery: WhatsappDelivery): WhatsappWebhookError[] {
    return whatsappWebhookErrors(delivery.body);
  }

  send(message: OutboundMessage): Promise<DeliveryReceipt> {
    return sendWhatsappMessage(this.client, message);
  }

  fetchMedia(attachment: InboundAttachment): Promise<FetchedMedia> {
    return fetchWhatsappMedia(this.client, attachment);
  }

  /**
   * Blue ticks for the customer (§2.6; marks earlier messages too). Never throws: a failed read
   * receipt must not block the conversation (case 46), so the caller only logs the reason.
   */
  async markRead(wamid: string, options: { typing?: boolean } = {}): Promise<MarkReadResult> {
    try {
      const response = await this.client.markRead(wamid, options.typing ?? false);
      if (response.ok && (response.body as { success?: unknown } | null)?.success === true) return { ok: true };
      const error = parseGraphError(response.status, response.body);
      return { ok: false, reason: error.details ?? error.message };
    } catch (cause) {
      return { ok: false, reason: cause instanceof Error ? cause.message : String(cause) };
    }
  }
}
