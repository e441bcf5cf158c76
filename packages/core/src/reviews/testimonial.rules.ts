export const REDACTED = '[…]';

export interface RedactionTerms {
  customerNames: readonly string[];
  phones: readonly string[];
  emails: readonly string[];
  orderNumbers: readonly string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Indonesian mobile and landline shapes (+62 812-3456-7890, 0812 3456 7890, (021) 555 1234): 8+ digits.
const PHONE = /(?:\+?\d[\d\s().-]{7,}\d)/g;
// Order and invoice numbers as customers write them: #INV-20931, INV/2026/11/0042, pesanan #A1B2C3.
const ORDER = /#[A-Za-z0-9][A-Za-z0-9/-]{2,}|\b(?:INV|ORD|TRX|SO)[-/]?[A-Za-z0-9/-]*\d[A-Za-z0-9/-]*/gi;
// Street addresses: "Jl. Merdeka No. 5", "Jalan Sudirman 12 RT 03/RW 04" up to the end of the clause.
const ADDRESS = /\b(?:Jl|Jln|Jalan|Gg|Gang)\.?\s+[^,.;!?\n]+(?:\.\s?\d+[^,.;!?\n]*)?/gi;

/** A name's words, each at least 3 letters: "Rina Wulandari" hides "Rina" and "Wulandari" anywhere. */
function nameWords(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((name) => name.split(/\s+/)).map((word) => word.replace(/[^\p{L}'-]/gu, '')).filter((word) => word.length >= 3))];
}

/**
 * The comment made safe to publish: the customer's own names, phone numbers, emails, order numbers and
 * street addresses become "[…]". Known values go first (exactly what we have on file), then the shapes,
 * so a number we never stored is still caught.
 */
export function redactTestimonial(text: string, terms: RedactionTerms): string {
  let result = text;
  const known = [...terms.emails, ...terms.orderNumbers, ...terms.phones].filter((value) => value.trim().length >= 3);
  for (const value of known) result = result.replace(new RegExp(escape(value), 'gi'), REDACTED);
  result = result.replace(EMAIL, REDACTED).replace(ADDRESS, REDACTED).replace(ORDER, REDACTED).replace(PHONE, (match) => (match.replace(/\D/g, '').length >= 8 ? REDACTED : match));
  for (const word of nameWords(terms.customerNames)) result = result.replace(new RegExp(`(?<![\\p{L}])${escape(word)}(?![\\p{L}])`, 'giu'), REDACTED);
  return result.replace(/(?:\[…\]\s*){2,}/g, `${REDACTED} `).replace(/\s+$/, '');
}

/**
 * How a customer is named in public: first name and the initial of the last ("Rina W."). A single name
 * stays; something that is an email or a phone number is never shown, whatever it says.
 */
export function publicDisplayName(name: string | null | undefined): string | null {
  const trimmed = (name ?? '').trim();
  if (!trimmed || /@/.test(trimmed) || trimmed.replace(/\D/g, '').length >= 6) return null;
  const words = trimmed.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const [first, ...rest] = words;
  if (!first) return null;
  const last = rest.at(-1);
  return last ? `${first} ${[...last][0]!.toUpperCase()}.` : first;
}
