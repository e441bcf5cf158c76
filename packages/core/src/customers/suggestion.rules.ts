import { normaliseEmail, toE164 } from './identity-keys.rules.ts';

/**
 * Digit runs a person might type a number as: `0812-3456-7890`, `+62 812 3456 7890`, `(0812) 3456 7890`.
 * Not the tail of a code (`INV-2026-0042`), and at least ten digits: dates and amounts are shorter.
 */
const PHONE_LIKE = /(?<![\w/-])\+?\(?\d[\d\s().-]{6,18}\d/g;
const MIN_DIGITS = 10;
const EMAIL_LIKE = /[^\s@<>(),;:"']+@[^\s@<>(),;:"']+\.[a-z]{2,}/gi;

/** The valid phone numbers typed in a message, each once, in E.164. */
export function phonesIn(body: string, region: string): string[] {
  const found = (body.match(PHONE_LIKE) ?? [])
    .filter((raw) => raw.replace(/\D/g, '').length >= MIN_DIGITS)
    .map((raw) => toE164(raw, region)).filter((phone): phone is string => phone !== null);
  return [...new Set(found)];
}

/** The email addresses typed in a message, each once, normalised. */
export function emailsIn(body: string): string[] {
  const found = (body.match(EMAIL_LIKE) ?? []).map((raw) => normaliseEmail(raw.replace(/[.]+$/, ''))).filter((email): email is string => email !== null);
  return [...new Set(found)];
}

/** Names compared as a person reads them: case, spacing and a leading `@` do not make two people. */
export function sameName(a: string, b: string): boolean {
  const plain = (name: string) => name.trim().replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase();
  return plain(a).length >= 3 && plain(a) === plain(b);
}

/** How far back "the same name on another channel" looks: a person moving channels does so within a day. */
export const SAME_NAME_WINDOW_MS = 24 * 60 * 60 * 1000;
