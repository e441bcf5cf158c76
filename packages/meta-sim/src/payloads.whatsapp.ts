import { newWamid } from './ids.ts';
import { webhookError, type WebhookErrorObject } from './graph-errors.ts';

/**
 * Pure builders for WhatsApp webhook bodies (§2.3). Key order follows Meta's (and the §1.2 fixture
 * bytes): `changes[{value, field}]`, `contacts` before `messages`, and each message as
 * `context?, from, from_user_id?, id, timestamp, type, <type>`. Timestamps are Unix seconds as
 * strings; ids default to fresh wamids.
 */

export interface WaBusiness {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

/** A customer as webhooks see them; BSUID-only users have no `waId` (§2.3.8). */
export interface WaCustomer {
  name: string;
  waId?: string;
  userId?: string;
  username?: string;
}

export interface WaChange {
  value: Record<string, unknown>;
  field: string;
}
export interface WaEntry {
  id: string;
  changes: WaChange[];
}
export interface WaPayload {
  object: 'whatsapp_business_account';
  entry: WaEntry[];
}

export interface WaCommonOptions {
  id?: string;
  /** Epoch ms; becomes `timestamp` in seconds. */
  at?: number;
  /** wamid of one of our messages the customer replied to → `context{from, id}` (§2.3, §8.10). */
  replyTo?: string;
  forwarded?: boolean | 'frequently';
  referral?: Record<string, unknown>;
}

/** A message before it is addressed: the assembly adds `from` and the business number. */
export interface WaMessageSpec extends WaCommonOptions {
  type: string;
  content: unknown;
  errors?: WebhookErrorObject[];
  /** Contextual fields other than reply/forward, e.g. `referred_product`. */
  extraContext?: Record<string, unknown>;
}

/** Fields of an inbound media object as §2.3 lists them; `sim.media.describe(id)` returns this. */
export interface WaMediaRef {
  id: string;
  mime_type: string;
  sha256: string;
}

const spec = (type: string, content: unknown, options: WaCommonOptions = {}): WaMessageSpec => ({ ...options, type, content });

/** §2.3 per-type objects. Interactive and template-button replies always carry a context (§2.3). */
export const wa = {
  text: (body: string, o?: WaCommonOptions) => spec('text', { body }, o),
  image: (m: WaMediaRef, o: WaCommonOptions & { caption?: string; url?: string } = {}) =>
    spec('image', media(m, { caption: o.caption, url: o.url }), o),
  video: (m: WaMediaRef, o: WaCommonOptions & { caption?: string } = {}) => spec('video', media(m, { caption: o.caption }), o),
  /** Voice notes are `audio/ogg; codecs=opus` with `voice: true` [O]. */
  audio: (m: WaMediaRef, o: WaCommonOptions & { voice?: boolean } = {}) => spec('audio', media(m, { voice: o.voice ?? false }), o),
  document: (m: WaMediaRef, o: WaCommonOptions & { filename: string; caption?: string }) =>
    spec('document', media(m, { filename: o.filename, caption: o.caption }), o),
  sticker: (m: WaMediaRef, o: WaCommonOptions & { animated?: boolean } = {}) => spec('sticker', media(m, { animated: o.animated ?? false }), o),
  location: (l: { latitude: number; longitude: number; name?: string; address?: string; url?: string }, o?: WaCommonOptions) =>
    spec('location', l, o),
  contacts: (cards: Record<string, unknown>[], o?: WaCommonOptions) => spec('contacts', cards, o),
  buttonReply: (id: string, title: string, o: WaCommonOptions & { replyTo: string }) =>
    spec('interactive', { type: 'button_reply', button_reply: { id, title } }, o),
  listReply: (id: string, title: string, description: string, o: WaCommonOptions & { replyTo: string }) =>
    spec('interactive', { type: 'list_reply', list_reply: { id, title, description } }, o),
  templateButton: (text: string, payload: string, o: WaCommonOptions & { replyTo: string }) => spec('button', { text, payload }, o),
  /** §8.9: how a removed reaction looks is unconfirmed — `empty` sends `emoji: ""`, `omitted` drops it. */
  reaction: (messageId: string, emoji: string | null, o: WaCommonOptions & { removal?: 'empty' | 'omitted' } = {}) =>
    spec('reaction', emoji !== null ? { message_id: messageId, emoji } : o.removal === 'omitted' ? { message_id: messageId } : { message_id: messageId, emoji: '' }, o),
  order: (catalogId: string, items: { product_retailer_id: string; quantity: number; item_price: number; currency: string }[], o: WaCommonOptions & { text?: string } = {}) =>
    spec('order', { catalog_id: catalogId, ...(o.text !== undefined && { text: o.text }), product_items: items }, o),
  /** §2.3 `system` → re-key the contact to `wa_id`. */
  numberChange: (name: string, oldWaId: string, newWaId: string, o?: WaCommonOptions) =>
    spec('system', { type: 'user_changed_number', body: `${name} changed from ${oldWaId} to ${newWaId}`, wa_id: newWaId }, o),
  /** §2.3.5: 131051, e.g. a poll. */
  unsupported: (kind = 'poll_creation', o?: WaCommonOptions): WaMessageSpec => ({
    ...spec('unsupported', { type: kind }, o),
    errors: [stripHref(webhookError(131051, 'This kind of message cannot be received through the API yet.'))],
  }),
  /** §2.3.5: 131060 "message currently unavailable" (e.g. first message to a coexistence number). */
  unavailable: (o?: WaCommonOptions & { asType?: 'unsupported' | 'unknown' }): WaMessageSpec => ({
    ...spec(o?.asType ?? 'unsupported', { type: 'unknown' }, o),
    errors: [stripHref(webhookError(131060, 'Message is currently unavailable.'))],
  }),
  /** Product enquiry context (§2.3). */
  productEnquiry: (body: string, catalogId: string, productId: string, o: WaCommonOptions & { replyTo: string }): WaMessageSpec => ({
    ...spec('text', { body }, o),
    extraContext: { referred_product: { catalog_id: catalogId, product_retailer_id: productId } },
  }),
};

function stripHref({ href: _href, ...rest }: WebhookErrorObject): WebhookErrorObject {
  return rest;
}

function media(m: WaMediaRef, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (extra.caption !== undefined) out.caption = extra.caption;
  out.mime_type = m.mime_type;
  out.sha256 = m.sha256;
  out.id = m.id;
  for (const [k, v] of Object.entries(extra)) if (k !== 'caption' && v !== undefined) out[k] = v;
  return out;
}

export const seconds = (ms: number): string => String(Math.floor(ms / 1000));

export function waContact(customer: WaCustomer): Record<string, unknown> {
  return {
    profile: { name: customer.name, ...(customer.username !== undefined && { username: customer.username }) },
    ...(customer.waId !== undefined && { wa_id: customer.waId }),
    ...(customer.userId !== undefined && { user_id: customer.userId }),
  };
}

/** One `messages[]` item, addressed from the customer to the business. */
export function waMessageItem(business: WaBusiness, customer: WaCustomer, s: WaMessageSpec): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  if (s.replyTo !== undefined) Object.assign(context, { from: business.displayPhoneNumber, id: s.replyTo });
  if (s.forwarded === true) context.forwarded = true;
  if (s.forwarded === 'frequently') context.frequently_forwarded = true;
  if (s.extraContext) Object.assign(context, s.extraContext);
  return {
    ...(Object.keys(context).length > 0 && { context }),
    ...(customer.waId !== undefined && { from: customer.waId }),
    ...(customer.userId !== undefined && { from_user_id: customer.userId }),
    id: s.id ?? newWamid(customer.waId),
    timestamp: seconds(s.at ?? Date.now()),
    type: s.type,
    ...(s.referral !== undefined && { referral: s.referral }),
    [s.type]: s.content,
    ...(s.errors !== undefined && { errors: s.errors }),
  };
}

export function waMetadata(business: WaBusiness): Record<string, string> {
  return { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId };
}

export function waChangePayload(business: WaBusiness, field: string, value: Record<string, unknown>): WaPayload {
  return { object: 'whatsapp_business_account', entry: [{ id: business.wabaId, changes: [{ value, field }] }] };
}

function messagesValue(business: WaBusiness, parts: Record<string, unknown>): Record<string, unknown> {
  return { messaging_product: 'whatsapp', metadata: waMetadata(business), ...parts };
}

/** Customer messages (one customer per change, as Meta sends them). */
export function waInbound(business: WaBusiness, customer: WaCustomer, specs: WaMessageSpec[]): WaPayload {
  const messages = specs.map((s) => waMessageItem(business, customer, s));
  return waChangePayload(business, 'messages', messagesValue(business, { contacts: [waContact(customer)], messages }));
}

export type WaStatusKind = 'sent' | 'delivered' | 'read' | 'failed' | 'played';

export interface WaStatusSpec {
  id: string;
  status: WaStatusKind;
  at?: number;
  recipientId?: string;
  recipientUserId?: string;
  bizOpaqueCallbackData?: string;
  pricing?: Record<string, unknown>;
  conversation?: Record<string, unknown>;
  errors?: WebhookErrorObject[];
}

/** §2.3.6 `statuses[]` item; key order as in the §1.2 `read` fixture. */
export function waStatus(s: WaStatusSpec): Record<string, unknown> {
  return {
    id: s.id,
    status: s.status,
    timestamp: seconds(s.at ?? Date.now()),
    ...(s.recipientId !== undefined && { recipient_id: s.recipientId }),
    ...(s.recipientUserId !== undefined && { recipient_user_id: s.recipientUserId }),
    ...(s.bizOpaqueCallbackData !== undefined && { biz_opaque_callback_data: s.bizOpaqueCallbackData }),
    ...(s.conversation !== undefined && { conversation: s.conversation }),
    ...(s.pricing !== undefined && { pricing: s.pricing }),
    ...(s.errors !== undefined && { errors: s.errors }),
  };
}

/** §2.3.6: per-message pricing (PMP since July 2025). */
export function waPricing(category = 'service', type = 'free_customer_service', billable = false): Record<string, unknown> {
  return { billable, pricing_model: 'PMP', type, category };
}

export function waStatuses(business: WaBusiness, statuses: WaStatusSpec[], contacts?: WaCustomer[]): WaPayload {
  return waChangePayload(
    business,
    'messages',
    messagesValue(business, { ...(contacts && { contacts: contacts.map(waContact) }), statuses: statuses.map(waStatus) }),
  );
}

/** §2.3.7: errors not tied to one message, e.g. 130429. */
export function waValueErrors(business: WaBusiness, errors: WebhookErrorObject[]): WaPayload {
  return waChangePayload(business, 'messages', messagesValue(business, { errors: errors.map(stripHref) }));
}

export interface WaEchoSpec {
  to: string;
  type: 'text' | 'image' | 'video' | 'document' | 'revoke' | 'edit';
  content: Record<string, unknown>;
  id?: string;
  at?: number;
}

/** §2.3.9 coexistence echoes: typed in the WhatsApp Business app, field `smb_message_echoes`. */
export const waEcho = {
  text: (to: string, body: string, o: { id?: string; at?: number } = {}): WaEchoSpec => ({ ...o, to, type: 'text', content: { body } }),
  revoke: (to: string, originalId: string, o: { id?: string; at?: number } = {}): WaEchoSpec => ({
    ...o, to, type: 'revoke', content: { original_message_id: originalId },
  }),
  edit: (to: string, originalId: string, body: string, o: { id?: string; at?: number } = {}): WaEchoSpec => ({
    ...o, to, type: 'edit', content: { original_message_id: originalId, text: { body } },
  }),
};

export function waEchoes(business: WaBusiness, echoes: WaEchoSpec[]): WaPayload {
  const items = echoes.map((e) => ({
    from: business.displayPhoneNumber,
    to: e.to,
    id: e.id ?? newWamid(e.to),
    timestamp: seconds(e.at ?? Date.now()),
    type: e.type,
    [e.type]: e.content,
  }));
  return waChangePayload(business, 'smb_message_echoes', messagesValue(business, { message_echoes: items }));
}

/**
 * §1.3 batching: concatenates payloads into one POST. With `mergeEntries`, changes of entries that
 * share a WABA id are folded into one entry (N changes); otherwise every payload stays its own entry.
 */
export function waBatch(payloads: WaPayload[], options: { mergeEntries?: boolean } = {}): WaPayload {
  const entries: WaEntry[] = [];
  for (const entry of payloads.flatMap((p) => p.entry)) {
    const existing = options.mergeEntries ? entries.find((e) => e.id === entry.id) : undefined;
    if (existing) existing.changes.push(...entry.changes);
    else entries.push({ id: entry.id, changes: [...entry.changes] });
  }
  return { object: 'whatsapp_business_account', entry: entries };
}
