/**
 * The documented shapes of a WhatsApp webhook `value` (channels.md §2.3). Every field is optional:
 * Meta adds fields over time (BSUIDs, usernames, §2.3.8) and omits others per type, so readers check
 * what they use instead of trusting the type.
 */

export interface WaErrorItem {
  code?: number;
  title?: string;
  message?: string;
  error_data?: { details?: string };
}

export interface WaContact {
  wa_id?: string;
  user_id?: string;
  profile?: { name?: string; username?: string };
}

export interface WaMedia {
  id?: string;
  mime_type?: string;
  sha256?: string;
  caption?: string;
  filename?: string;
  voice?: boolean;
  animated?: boolean;
}

export interface WaOrderItem {
  product_retailer_id?: string;
  quantity?: number;
  item_price?: number;
  currency?: string;
}

export interface WaContactCard {
  name?: { formatted_name?: string; first_name?: string; last_name?: string };
  phones?: { phone?: string; wa_id?: string; type?: string }[];
  [field: string]: unknown;
}

/** One `messages[]` item, or one `message_echoes[]` item (which adds `to`, §2.3.9). */
export interface WaMessage {
  from?: string;
  from_user_id?: string;
  to?: string;
  to_user_id?: string;
  id?: string;
  timestamp?: string;
  type?: string;
  context?: { from?: string; id?: string; forwarded?: boolean; frequently_forwarded?: boolean; referred_product?: unknown };
  referral?: Record<string, unknown>;
  errors?: WaErrorItem[];
  text?: { body?: string };
  image?: WaMedia;
  video?: WaMedia;
  audio?: WaMedia;
  document?: WaMedia;
  sticker?: WaMedia;
  location?: { latitude?: number; longitude?: number; name?: string; address?: string; url?: string };
  contacts?: WaContactCard[];
  interactive?: { type?: string; [reply: string]: unknown };
  button?: { text?: string; payload?: string };
  reaction?: { message_id?: string; emoji?: string };
  order?: { catalog_id?: string; text?: string; product_items?: WaOrderItem[] };
  system?: { type?: string; body?: string; wa_id?: string };
  unsupported?: { type?: string };
  revoke?: { original_message_id?: string };
  edit?: { original_message_id?: string; text?: { body?: string }; message?: { text?: { body?: string } }; body?: string };
}

export interface WaStatus {
  id?: string;
  status?: string;
  timestamp?: string;
  recipient_id?: string;
  recipient_user_id?: string;
  biz_opaque_callback_data?: string;
  errors?: WaErrorItem[];
}

export interface WaValue {
  metadata?: { display_phone_number?: string; phone_number_id?: string };
  contacts?: WaContact[];
  messages?: WaMessage[];
  statuses?: WaStatus[];
  message_echoes?: WaMessage[];
  errors?: WaErrorItem[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, or undefined: ids are keys, so a number or '' must not slip through. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? value.filter(isRecord).map((item) => item as T) : [];
}

/** An error item (§2.3.5–§2.3.7) reduced to what we log and show; key logic on `code`, never text (§2.9). */
export interface WhatsappErrorSummary {
  code: number | null;
  title: string | null;
  details: string | null;
}

export function errorSummary(item: WaErrorItem): WhatsappErrorSummary {
  return {
    code: typeof item.code === 'number' ? item.code : null,
    title: text(item.title) ?? text(item.message) ?? null,
    details: text(item.error_data?.details) ?? null,
  };
}
