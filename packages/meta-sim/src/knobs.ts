/**
 * Every behaviour of the Meta stand-in that a test may want to bend. The object is plain data so a
 * test mutates it directly (`sim.knobs.whatsapp.windowMode = 'sync'`); `sim.reset()` restores the
 * values the sim was created with. Section numbers refer to /work/shared/channels.md.
 */

export type WaStatusName = 'sent' | 'delivered' | 'read';

/** One scripted error answer, consumed by the next matching Graph call (§2.9 / §3.8 envelopes). */
export interface InjectedFailure {
  code: number;
  subcode?: number;
  /** HTTP status of the answer; defaults to the code's status in graph-errors.ts. */
  httpStatus?: number;
  message?: string;
  details?: string;
  /** How many calls this failure answers before it is used up (default 1). */
  times?: number;
  /** Only calls whose recipient (`to`, `recipient`, `recipient.id`) equals this are affected. */
  recipient?: string;
}

/** An async per-recipient failure: the send is accepted, then a `failed` status carries the code. */
export interface RecipientError {
  code: number;
  /** `async` (default, §2.9 "mostly async" for 131026) or `sync` (400 on the send call). */
  mode?: 'async' | 'sync';
  details?: string;
}

export interface WaPhoneNumber {
  phoneNumberId: string;
  displayPhoneNumber: string;
  /** Country calling code Meta prepends when `to` lacks a `+` (§2.6). */
  countryCode: string;
  wabaId: string;
}

export interface WaTemplate {
  name: string;
  languages: string[];
  /** Number of `{{n}}` body parameters; a mismatch answers 132000. Omit to skip the check. */
  bodyParameterCount?: number;
  /** Templates that cannot go to a BSUID recipient answer 131062 (§2.3.8), e.g. authentication ones. */
  rejectsBsuid?: boolean;
  /** The approved texts of the template's quick-reply buttons, by index: what the customer sees and taps (§9). */
  quickReplies?: string[];
}

export interface WhatsAppKnobs {
  accessToken: string;
  /** Flip to make the current token "expired": 190 / subcode 463, HTTP 401 (§2.9, case 45). */
  tokenExpired: boolean;
  appSecret: string;
  /** Where status webhooks go (our `/webhooks/whatsapp`). Unset = statuses are recorded, not sent. */
  webhookUrl: string | null;
  phoneNumbers: WaPhoneNumber[];
  /** Last time each customer (wa_id or BSUID) wrote, epoch ms, on the sim clock (§2.8). */
  lastInboundAt: Record<string, number>;
  /** Overrides the computed window per customer: true = open, false = closed. */
  windowOpen: Record<string, boolean>;
  /** Inbound webhooks sent through `sim.webhooks.whatsapp` refresh `lastInboundAt`, as Meta would. */
  openWindowOnInbound: boolean;
  /** §2.11: A = 200 then a `failed` status with 131047 (default); B = synchronous 400 131047. */
  windowMode: 'async' | 'sync';
  templates: WaTemplate[];
  /** §2.10 [U]: 4096 is the commonly quoted limit; answered with code 100. */
  textMaxLength: number;
  /** §2.6: without `+`, Meta prepends our number's country code (so "0812…" or "62812…" misroutes). */
  prependCountryCodeWithoutPlus: boolean;
  /** BSUID → phone digits (null when the number is not shared), used for `recipient` sends (§2.3.8). */
  bsuids: Record<string, string | null>;
  recipientErrors: Record<string, RecipientError>;
  failNext: InjectedFailure[];
  rateLimit: {
    /** §2.10: 80 messages/s per business number → 130429. null disables. */
    throughputPerSecond: number | null;
    /** §2.10: pair bucket — burst 45, one token back every 6 s → 131056. null disables. */
    pair: { burst: number; refillEveryMs: number } | null;
    /** 130429 answered synchronously, or accepted then reported as a `failed` status (case 42). */
    throughputVia: 'sync' | 'async';
  };
  statuses: {
    /** Highest status emitted after an accepted send; 'none' = no status webhooks at all. */
    upTo: WaStatusName | 'none';
    /** §2.3.6: when the user is looking at the chat only `read` arrives. */
    skipDelivered: boolean;
    /** Delay before each status, counted from the previous one (from the send for `sent`). */
    delaysMs: Record<WaStatusName, number>;
    /** §2.5 [U] race: POST the `sent` status and wait for its answer before answering the send call. */
    beforeResponse: boolean;
    /** Order the planned statuses are delivered in (case 15). */
    order: 'natural' | 'reversed' | 'shuffled';
    /** §2.3.6: pricing on `sent` and on one later status. */
    includePricing: boolean;
    /** §2.3.6 BSUID era: `contacts[]` on sent/delivered/read (never on failed). */
    includeContacts: boolean;
    /** Delay before an async `failed` status (131047, 131026 …). */
    failedDelayMs: number;
  };
}

export interface IgAccount {
  igId: string;
  /** Path B (§3.1): the linked Facebook Page, usable in place of the IG id and as `me`. */
  pageId?: string;
  username: string;
}

export interface IgProfile {
  name: string | null;
  username: string;
  profile_pic: string | null;
  follower_count?: number;
  is_user_follow_business?: boolean;
  is_business_follow_user?: boolean;
  is_verified_user?: boolean;
  /** §3.7: blocked users cannot be read. */
  blocked?: boolean;
}

export interface InstagramKnobs {
  accessToken: string;
  tokenExpired: boolean;
  /** §1.2 / §8.6: per-path secret; path A uses the Instagram app secret [O]. */
  appSecret: string;
  webhookUrl: string | null;
  accounts: IgAccount[];
  lastInboundAt: Record<string, number>;
  windowOpen: Record<string, boolean>;
  openWindowOnInbound: boolean;
  /** §3.8 / §8.7: 2534022 (field reports) or 1545041 (Meta send page); Messenger uses 2018278. */
  windowErrorSubcode: number;
  /** §3.6 [O]: HUMAN_AGENT needs the feature approved; when false the tag does not extend the window. */
  humanAgentApproved: boolean;
  /** §3.6 / §8.8 [U]: require `messaging_type: MESSAGE_TAG` alongside the tag. */
  requireMessagingTypeWithTag: boolean;
  /** §3.6: text limit is in UTF-8 bytes. */
  textMaxBytes: number;
  /** IGSIDs that blocked us / are deactivated → 551 (§3.8). */
  unavailableUsers: string[];
  profiles: Record<string, IgProfile>;
  failNext: InjectedFailure[];
  /** §3.9: 300 sends/s per account → 613. null disables. */
  sendsPerSecond: number | null;
  echoes: {
    /** §3.10: an echo with the send response's `mid` for every accepted send. */
    enabled: boolean;
    delayMs: number;
    /** Case 36: POST the echo and wait for its answer before answering the send call. */
    beforeResponse: boolean;
  };
  /**
   * §3.5 (Messenger wording): after an hour of failures the app is unsubscribed. Compressed here to a
   * count of consecutive failed attempts; null = never disable.
   */
  disableAfterConsecutiveFailures: number | null;
}

export interface DeliveryKnobs {
  /** §1.2 / §2.11: default body form is minified JSON with non-ASCII as lowercase `\uXXXX`. */
  escapeUnicode: boolean;
  /** Delay before each retry; Meta retries immediately, then with growing gaps (§2.5, §3.5). */
  retryDelaysMs: number[];
  /** Caps attempts even when the schedule is longer (1 = never retry). */
  maxAttempts: number;
  /** Messenger gives 5 s to answer (§3.5); compressed. */
  timeoutMs: number;
  /** Send every delivery again: after the first completes, or concurrently (cases 10, 11). */
  duplicate: 'none' | 'sequential' | 'concurrent';
  /** Seed for every "shuffled" order, so a failing test replays identically. */
  shuffleSeed: number;
}

export interface MediaKnobs {
  /** §2.7: download URLs live 5 minutes. */
  urlTtlMs: number;
  /** §2.7: webhook media ids live 7 days (uploaded ones 30 days). */
  inboundIdTtlMs: number;
  uploadedIdTtlMs: number;
  /** §8.11 [U]: status for a download without (or with a wrong) bearer token. */
  unauthenticatedStatus: number;
  /** Case 25: status for an expired download URL. */
  expiredUrlStatus: number;
  /** §8.15 [U]: lifetime of Instagram CDN attachment URLs. */
  igCdnTtlMs: number;
}

export interface MetaSimKnobs {
  whatsapp: WhatsAppKnobs;
  instagram: InstagramKnobs;
  delivery: DeliveryKnobs;
  media: MediaKnobs;
  /** Added to Date.now() everywhere the sim reads time; `sim.advanceClock(ms)` moves it. */
  clockOffsetMs: number;
  /** Overrides the HTTP status paired with an error code (§8.1: statuses are [O]/[U]). */
  httpStatusByCode: Record<number, number>;
}
