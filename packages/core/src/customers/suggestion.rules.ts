import { normaliseEmail, toE164 } from './identity-keys.rules.ts';

/**
 * Digit runs a person might type a number as: `0812-3456-7890`, `+62 812 3456 7890`, `(0812) 3456 7890`.
 * Not the tail of a code (`INV-2026-0042`), and at least ten digits: dates and amounts are shorter.
 */
const PHONE_LIKE = /(?<![\w/-])\+?\(?\d[\d\s().-]{6,18}\d/g;
const MIN_DIGITS = 10;
// Bounded parts: an unbounded run would backtrack quadratically over a long word without an `@`
// (a 3 KB message scanned at every position), and ingest runs this on every customer message.
const EMAIL_LIKE = /[^\s@<>(),;:"']{1,64}@[^\s@<>(),;:"']{1,190}\.[a-z]{2,24}/gi;

/** The valid phone numbers typed in a message, each once, in E.164. */
export function phonesIn(body: string, region: string): string[] {
  const found = (body.match(PHONE_LIKE) ?? [])
    .filter((raw) => raw.replace(/\D/g, '').length >= MIN_DIGITS)
    .map((raw) => toE164(raw, region)).filter((phone): phone is string => phone !== null);
  return [...new Set(found)];
}

/** The email addresses typed in a message, each once, normalised. */
export function emailsIn(body: string): string[] {
  if (!body.includes('@')) return [];
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
