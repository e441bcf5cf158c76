import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Identity keys as docs/customers.md §Identity keys defines them. The identity slice owns this file's
 * full version; these two are what the site-verified web-chat visitor needs (the lead reconciles).
 */

/** `0812…`, `62812…`, `+62 812-…` → `+62812…`; null when it does not parse or is not a valid number. */
export function toE164(raw: string, region: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  // `62812…` without the plus is how WhatsApp and many shops write an international number.
  const candidate = /^\d{10,15}$/.test(text) && !text.startsWith('0') ? `+${text}` : text;
  const parsed = parsePhoneNumberFromString(candidate, region.toUpperCase() as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

/** Trimmed and lower-cased; null unless it looks like `local@domain.tld`. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email) && email.length <= 320 ? email : null;
}
