import { newIgMid } from './ids.ts';

/**
 * Pure builders for Instagram webhook bodies (§3.3). `entry[].time` and event `timestamp` are epoch
 * **milliseconds**; each `messaging[]` item carries exactly one event object. Key order matches the
 * §1.2 fixture: `sender, recipient, timestamp, <event>` and `message{mid, text, …}`.
 */

export type IgEventKind = 'message' | 'reaction' | 'postback' | 'referral' | 'read' | 'message_edit';

export interface IgEventSpec {
  kind: IgEventKind;
  /** The event's own `mid` (new message) or the `mid` it refers to (reaction, read, edit). */
  mid?: string;
  body: Record<string, unknown>;
  at?: number;
}

export interface IgEntry {
  id: string;
  time: number;
  messaging?: Record<string, unknown>[];
  changes?: { field: string; value: Record<string, unknown> }[];
  standby?: Record<string, unknown>[];
}
export interface IgPayload {
  object: 'instagram';
  entry: IgEntry[];
}

interface MessageOptions {
  mid?: string;
  at?: number;
}

const message = (body: Record<string, unknown>, o: MessageOptions = {}): IgEventSpec => ({ kind: 'message', body, ...o });
const attachments = (type: string, url: string) => [{ type, payload: { url } }];

/** §3.3 event objects, one builder per case of the §6 checklist (31–32). */
export const ig = {
  text: (text: string, o?: MessageOptions) => message({ text }, o),
  /** `type` is one of §3.3's attachment types: image, audio, video, file, ig_reel, share, story_mention … */
  attachment: (type: string, url: string, o?: MessageOptions) => message({ attachments: attachments(type, url) }, o),
  image: (url: string, o?: MessageOptions) => message({ attachments: attachments('image', url) }, o),
  video: (url: string, o?: MessageOptions) => message({ attachments: attachments('video', url) }, o),
  audio: (url: string, o?: MessageOptions) => message({ attachments: attachments('audio', url) }, o),
  file: (url: string, o?: MessageOptions) => message({ attachments: attachments('file', url) }, o),
  storyReply: (text: string, story: { url: string; id: string }, o?: MessageOptions) => message({ text, reply_to: { story } }, o),
  storyMention: (url: string, o?: MessageOptions) => message({ attachments: attachments('story_mention', url) }, o),
  /** Inline reply to one message of the thread (§3.3 `reply_to{mid}`). */
  inlineReply: (text: string, replyToMid: string, o?: MessageOptions) => message({ text, reply_to: { mid: replyToMid } }, o),
  quickReply: (text: string, payload: string, o?: MessageOptions) => message({ text, quick_reply: { payload } }, o),
  /** §3.3: first message after a Click-to-Direct ad. */
  adReferral: (text: string, ad: { adId: string; adTitle: string; photoUrl?: string; videoUrl?: string; ref?: string }, o?: MessageOptions) =>
    message(
      {
        text,
        referral: {
          ...(ad.ref !== undefined && { ref: ad.ref }),
          ad_id: ad.adId,
          source: 'ADS',
          type: 'OPEN_THREAD',
          ads_context_data: {
            ad_title: ad.adTitle,
            ...(ad.photoUrl !== undefined && { photo_url: ad.photoUrl }),
            ...(ad.videoUrl !== undefined && { video_url: ad.videoUrl }),
          },
        },
      },
      o,
    ),
  /** §3.3.4: content the API cannot render; Meta may add an empty `attachments` array [O]. */
  unsupported: (o: MessageOptions & { emptyAttachments?: boolean } = {}) =>
    message({ is_unsupported: true, ...(o.emptyAttachments && { attachments: [] }) }, o),
  /** §3.3.3: the customer unsent `mid`; the event carries the original mid [O]. */
  unsend: (mid: string, o: { at?: number } = {}): IgEventSpec => ({ kind: 'message', mid, body: { is_deleted: true }, ...o }),
  /** Ice-breaker / CTA tap (`messaging_postbacks`). */
  postback: (title: string, payload: string, o?: MessageOptions): IgEventSpec => ({ kind: 'postback', body: { title, payload }, ...o }),
  /** ig.me link into an existing thread (`messaging_referral`); `source` wording is [U]. */
  referral: (ref: string, o: { at?: number; source?: string } = {}): IgEventSpec => ({
    kind: 'referral',
    body: { ref, source: o.source ?? 'IGME', type: 'OPEN_THREAD' },
    ...(o.at !== undefined && { at: o.at }),
  }),
  /** `message_reactions`; `emoji` is omitted on unreact (§3.3). */
  reaction: (mid: string, emoji: string, o: { at?: number; reaction?: string } = {}): IgEventSpec => ({
    kind: 'reaction', mid, body: { action: 'react', reaction: o.reaction ?? 'love', emoji }, ...(o.at !== undefined && { at: o.at }),
  }),
  unreact: (mid: string, o: { at?: number; reaction?: string } = {}): IgEventSpec => ({
    kind: 'reaction', mid, body: { action: 'unreact', reaction: o.reaction ?? 'love' }, ...(o.at !== undefined && { at: o.at }),
  }),
  /** `messaging_seen`: the customer saw our message `mid` (no delivery receipts on IG, §3.3). */
  seen: (mid: string, o: { at?: number } = {}): IgEventSpec => ({ kind: 'read', mid, body: {}, ...o }),
  edit: (mid: string, text: string, numEdit = 1, o: { at?: number } = {}): IgEventSpec => ({
    kind: 'message_edit', mid, body: { text, num_edit: numEdit }, ...o,
  }),
};

export interface IgAccountRef {
  igId: string;
}

function eventObject(account: IgAccountRef, s: IgEventSpec): Record<string, unknown> {
  // `referral` is the only event without a mid; a new message gets a fresh one.
  if (s.kind === 'referral') return s.body;
  return { mid: s.mid ?? newIgMid(account.igId), ...s.body };
}

/** One `messaging[]` item from the customer (`sender` = IGSID, `recipient` = our IG id). */
export function igEvent(account: IgAccountRef, igsid: string, s: IgEventSpec): Record<string, unknown> {
  return { sender: { id: igsid }, recipient: { id: account.igId }, timestamp: s.at ?? Date.now(), [s.kind]: eventObject(account, s) };
}

/** §3.3: echo of a message the business sent — ids swapped, `is_echo: true`. */
export function igEchoEvent(account: IgAccountRef, igsid: string, s: IgEventSpec): Record<string, unknown> {
  return {
    sender: { id: account.igId },
    recipient: { id: igsid },
    timestamp: s.at ?? Date.now(),
    message: { ...eventObject(account, s), is_echo: true },
  };
}

export function igPayload(account: IgAccountRef, events: Record<string, unknown>[], time = Date.now()): IgPayload {
  return { object: 'instagram', entry: [{ id: account.igId, time, messaging: events }] };
}

export function igInbound(account: IgAccountRef, igsid: string, specs: IgEventSpec[], time?: number): IgPayload {
  return igPayload(account, specs.map((s) => igEvent(account, igsid, s)), time);
}

export function igEchoes(account: IgAccountRef, igsid: string, specs: IgEventSpec[], time?: number): IgPayload {
  return igPayload(account, specs.map((s) => igEchoEvent(account, igsid, s)), time);
}

/** §3.3 [O]: dashboard "Test" events use `entry[].changes[]` with one messaging event as `value`. */
export function igDashboardTest(account: IgAccountRef, igsid: string, s: IgEventSpec, time = Date.now()): IgPayload {
  return { object: 'instagram', entry: [{ id: account.igId, time, changes: [{ field: 'messages', value: igEvent(account, igsid, s) }] }] };
}

/** §3.3 [O]: on path B, handover-protocol events arrive under `standby[]`. */
export function igStandby(account: IgAccountRef, igsid: string, specs: IgEventSpec[], time = Date.now()): IgPayload {
  return { object: 'instagram', entry: [{ id: account.igId, time, standby: specs.map((s) => igEvent(account, igsid, s)) }] };
}

/** §1.3 batching: many entries, or (mergeEntries) one entry per account with many events. */
export function igBatch(payloads: IgPayload[], options: { mergeEntries?: boolean } = {}): IgPayload {
  const entries: IgEntry[] = [];
  for (const entry of payloads.flatMap((p) => p.entry)) {
    const existing = options.mergeEntries ? entries.find((e) => e.id === entry.id && e.messaging && entry.messaging) : undefined;
    if (existing?.messaging && entry.messaging) existing.messaging.push(...entry.messaging);
    else entries.push({ ...entry, ...(entry.messaging && { messaging: [...entry.messaging] }) });
  }
  return { object: 'instagram', entry: entries };
}
