import { DEFAULT_MEDIA_LIMITS, downloadMedia, type MediaRules } from '../outbound/media-download.ts';
import { WHATSAPP_MEDIA_HOSTS, whatsappGraphRoot, type WhatsappSettings } from './whatsapp.settings.ts';

/** A Graph answer: HTTP status and the parsed JSON body (null when it was not JSON). */
export interface GraphResponse {
  status: number;
  ok: boolean;
  body: unknown;
}

export interface DownloadResponse {
  status: number;
  ok: boolean;
  bytes: Uint8Array;
  contentType: string | null;
}

export interface WhatsappClientOptions {
  fetch?: typeof fetch;
  /** A hung Graph call would hold an outbox slot forever; Meta answers in well under this. */
  timeoutMs?: number;
  /** Where media downloads may go and how much they may take (hosts default to §2.7's lookaside host). */
  media?: Partial<MediaRules>;
}

/**
 * The few Graph calls the adapter makes (§2.6, §2.7), over global fetch. Errors are returned, not
 * thrown, so callers map Meta's codes; only network failures (fetch rejecting) propagate.
 */
export class WhatsappGraphClient {
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly media: MediaRules;

  constructor(
    private readonly settings: WhatsappSettings,
    options: WhatsappClientOptions = {},
  ) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.media = { hosts: WHATSAPP_MEDIA_HOSTS, allowHosts: [], ...DEFAULT_MEDIA_LIMITS, ...options.media };
  }

  /** `POST /{version}/{phone-number-id}/messages` (§2.6). */
  sendMessage(body: Record<string, unknown>): Promise<GraphResponse> {
    return this.json('POST', `/${encodeURIComponent(this.settings.phoneNumberId)}/messages`, body);
  }

  /** §2.7 step 2; `phone_number_id` makes Meta check the media belongs to our number. */
  getMedia(mediaId: string): Promise<GraphResponse> {
    const query = new URLSearchParams({ phone_number_id: this.settings.phoneNumberId });
    return this.json('GET', `/${encodeURIComponent(mediaId)}?${query}`);
  }

  /** §2.6 mark-as-read on the messages endpoint, optionally with a typing indicator. */
  markRead(wamid: string, typing = false): Promise<GraphResponse> {
    return this.sendMessage({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: wamid,
      ...(typing && { typing_indicator: { type: 'text' } }),
    });
  }

  /**
   * §2.7 step 3: the lookaside URL needs the same bearer token, or it serves nothing. The URL comes
   * from Graph's answer, so it is held to Meta's media host and the guard's size and time limits.
   */
  download(url: string): Promise<DownloadResponse> {
    return downloadMedia((input, init) => this.fetch(input, init), url, this.authHeaders(), this.media);
  }

  private authHeaders(): Record<string, string> {
    return { authorization: `Bearer ${this.settings.accessToken}` };
  }

  private async json(method: 'GET' | 'POST', path: string, body?: Record<string, unknown>): Promise<GraphResponse> {
    const headers: Record<string, string> = { ...this.authHeaders(), accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.fetch(`${whatsappGraphRoot(this.settings)}${path}`, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    return { status: response.status, ok: response.ok, body: parseJson(await response.text()) };
  }
}

/** An outage page from a proxy is HTML, not Graph JSON: read it as "no envelope" rather than throw. */
function parseJson(raw: string): unknown {
  try {
    return raw.length > 0 ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}
