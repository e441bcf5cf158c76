import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { AppError } from '../shared/errors.ts';

/** The setting naming the region a number without a country code is read in (ISO 3166 alpha-2). */
export const DEFAULT_REGION_SETTING = 'identity.default_region';
export const DEFAULT_REGION = 'ID';

/**
 * One number, one key: `0812…`, `62812…` and `+62 812-…` are the same person, so they must compare equal.
 * A string of digits that starts with the region's country code (WhatsApp's wa_id, people typing `62812…`)
 * is read as international first: read nationally it would be a different, usually invalid, number.
 */
export function toE164(raw: string, region: string = DEFAULT_REGION): string | null {
  const text = raw.trim();
  if (!/\d/.test(text) || text.length > 40) return null;
  const country = regionOf(region);
  const digits = text.replace(/[\s().\-/]/g, '');
  const candidates = /^\d+$/.test(digits) && !digits.startsWith('0') ? [`+${digits}`, digits] : [digits];
  for (const candidate of candidates) {
    const parsed = parsePhoneNumberFromString(candidate, country);
    if (parsed?.isValid()) return parsed.number;
  }
  return null;
}

/** Trimmed and lower-cased, or null unless it looks like `local@domain.tld`. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)) return null;
  return email;
}

/** For numbers a person typed: an invalid one is refused with a code rather than stored as null. */
export function requireE164(raw: string, region: string = DEFAULT_REGION): string {
  const phone = toE164(raw, region);
  if (!phone) throw new AppError('identity.invalid_phone', 'This is not a valid phone number', { region });
  return phone;
}

export function requireEmail(raw: string): string {
  const email = normaliseEmail(raw);
  if (!email) throw new AppError('identity.invalid_email', 'This is not a valid email address');
  return email;
}

/** A stored region that is not two letters falls back to the default rather than failing every ingest. */
export function regionOf(value: string | null | undefined): CountryCode {
  const region = value?.trim().toUpperCase() ?? '';
  return (/^[A-Z]{2}$/.test(region) ? region : DEFAULT_REGION) as CountryCode;
}
