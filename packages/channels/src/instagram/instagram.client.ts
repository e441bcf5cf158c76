import { parseGraphError, type GraphError } from '../meta/graph-error.ts';
import { OutboundBlockedError, outboundErrorIn } from '../outbound/outbound.errors.ts';
import type { InstagramSettings } from './instagram.settings.ts';

/** `fetch` as the client uses it; tests and the Meta stand-in inject their own. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type GraphOutcome<T> =
  | { ok: true; data: T }
  /**
   * `network`: no HTTP answer at all (refused, reset, timed out) — the call may or may not have landed.
   * `blocked`: the outbound guard refused the Graph base URL, so nothing was sent.
   */
  | { ok: false; network: boolean; blocked?: boolean; error: GraphError; retryAfterMs: number | undefined };

/** §9: one tappable answer under the text; `payload` is our option id and comes back as `quick_reply.payload`. */
export interface InstagramQuickReply {
  content_type: 'text';
  title: string;
  payload: string;
}

/** The §3.6 Send API body: a text message, optionally tagged HUMAN_AGENT, optionally with quick replies (§9). */
export interface InstagramSendBody {
  recipient: { id: string };
  messaging_type?: 'MESSAGE_TAG';
  tag?: 'HUMAN_AGENT';
  message: { text: string; quick_replies?: InstagramQuickReply[] };
}

export interface InstagramSendResponse {
  recipient_id?: string;
  message_id?: string;
}

/** §3.7 fields; `name` and `profile_pic` may be null. */
export interface InstagramProfileResponse {
  name?: string | null;
  username?: string | null;
  profile_pic?: string | null;
  follower_count?: number;
  is_user_follow_business?: boolean;
  is_business_follow_user?: boolean;
  is_verified_user?: boolean;
}

export const PROFILE_FIELDS = 'name,username,profile_pic,follower_count,is_user_follow_business,is_business_follow_user,is_verified_user';
/** §3.1: per-account enablement; subscriptions are app-wide, so these fields bring echoes along too. */
export const SUBSCRIBED_FIELDS = 'messages,message_reactions,messaging_seen,messaging_postbacks';

const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Thin Graph API client for one Instagram professional account: base URL + version + bearer token
 * (§3.1 path A; path B accepts the same bearer header). It never throws; callers decide what an error
 * means for them (a send retries, a profile lookup falls back).
 */
export class InstagramGraphClient {
  constructor(
    private readonly settings: InstagramSettings,
    private readonly fetcher: FetchLike = fetch,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  /** `POST /{v}/{IG_ID}/messages` (§3.6). */
  sendMessage(body: InstagramSendBody): Promise<GraphOutcome<InstagramSendResponse>> {
    return this.request('POST', `${encodeURIComponent(this.settings.accountId)}/messages`, body);
  }

  /** `GET /{v}/{IGSID}?fields=…` (§3.7). */
  getProfile(igsid: string): Promise<GraphOutcome<InstagramProfileResponse>> {
    return this.request('GET', `${encodeURIComponent(igsid)}?fields=${PROFILE_FIELDS}`);
  }

  /** `POST /{v}/me/subscribed_apps` (§3.1) — also the way back after Meta disabled the webhook (§3.5, case 50). */
  subscribeApp(): Promise<GraphOutcome<{ success?: boolean }>> {
    return this.request('POST', `me/subscribed_apps?subscribed_fields=${SUBSCRIBED_FIELDS}`);
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<GraphOutcome<T>> {
    const url = `${this.settings.graphBaseUrl}/${this.settings.graphVersion}/${path}`;
    const headers: Record<string, string> = { authorization: `Bearer ${this.settings.accessToken}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetcher(url, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
        // A hung connection would otherwise stall the whole outbox loop behind one send.
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const blocked = outboundErrorIn(error) instanceof OutboundBlockedError;
      return { ok: false, network: !blocked, blocked, error: { httpStatus: 0, code: null, subcode: null, message, details: null }, retryAfterMs: undefined };
    }
    const json = await readJson(response);
    if (response.ok && (json as { error?: unknown } | null)?.error === undefined) return { ok: true, data: (json ?? {}) as T };
    return { ok: false, network: false, error: parseGraphError(response.status, json), retryAfterMs: retryAfter(response) };
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return null;
  }
}

/** Graph rarely sends `Retry-After`, but a proxy in front of it may; seconds only. */
function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
