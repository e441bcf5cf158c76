import type { Review } from './review.types.ts';

/** One row of the library as exported and as the public snippet shows it: nothing that identifies. */
export interface PublishedTestimonial {
  id: number;
  score: number;
  text: string;
  displayName: string;
  channel: Review['channel'];
  at: string;
}

/** A customer without a usable public name is still quoted, as "a customer". */
const ANONYMOUS = 'Pelanggan';

/** Only approved testimonials with text are ever shown; the rest of the review stays inside. */
export function toPublished(review: Review): PublishedTestimonial | null {
  const { testimonial } = review;
  if (testimonial.state !== 'approved' || !testimonial.text || review.score === null) return null;
  return { id: review.id, score: review.score, text: testimonial.text, displayName: testimonial.displayName ?? ANONYMOUS, channel: review.channel, at: review.ratedAt ?? review.requestedAt };
}

/*
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return that hides one) as a
 * formula: "=HYPERLINK(…)" in a customer's comment would run on the marketer's machine. Such cells get a
 * leading apostrophe (OWASP's advice), which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function testimonialsCsv(rows: readonly PublishedTestimonial[]): string {
  const header = ['id', 'score', 'display_name', 'text', 'channel', 'at'];
  const lines = rows.map((row) => [row.id, row.score, row.displayName, row.text, row.channel, row.at].map(csvCell).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
