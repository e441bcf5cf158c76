/*
 * Dates as customers write them, in Indonesian and English, normalised to `YYYY-MM-DD`. Relative words
 * ("kemarin", "yesterday") and dates without a year are resolved against the message's own time, in
 * Jakarta time: a message sent at 00:30 WIB on 1 Dec says "kemarin" about 30 Nov, although it is still
 * 30 Nov in UTC. WIB has no daylight saving, so a fixed offset is exact.
 */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2, pebruari: 2,
  maret: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, ags: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, december: 12, des: 12, dec: 12,
};
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;

/** Patterns and how each turns its match into (day, month, year?) or a day offset from the message. */
export const datePatterns: { pattern: RegExp; read: (match: RegExpExecArray) => { day: number; month: number; year?: number } | { daysAgo: number } | null }[] = [
  // 30/11/2026, 30-11-2026, 3/12 (day first, as Indonesians and most of the world write it)
  { pattern: /\b(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?\b/g, read: (m) => ({ day: +m[1]!, month: +m[2]!, ...(m[3] ? { year: fullYear(+m[3]) } : {}) }) },
  // 2026-11-30
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g, read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! }) },
  // 30 November 2026, tgl 3 des, 3 Des.
  { pattern: new RegExp(`\\b(\\d{1,2})\\s+${MONTH}(?:\\s+(\\d{4}))?(?![a-z])`, 'gi'), read: (m) => ({ day: +m[1]!, month: MONTHS[m[2]!.toLowerCase()]!, ...(m[3] ? { year: +m[3] } : {}) }) },
  // Nov 30, November 30, 2026
  { pattern: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'gi'), read: (m) => ({ day: +m[2]!, month: MONTHS[m[1]!.toLowerCase()]!, ...(m[3] ? { year: +m[3] } : {}) }) },
  { pattern: /\b(?:kemarin\s+lusa|kemarin\s+dulu|the\s+day\s+before\s+yesterday)\b/gi, read: () => ({ daysAgo: 2 }) },
  { pattern: /\b(?:kemarin|kmrn|kmarin|yesterday)\b/gi, read: () => ({ daysAgo: 1 }) },
  { pattern: /\b(?:hari\s+ini|today|tadi\s+pagi|this\s+morning)\b/gi, read: () => ({ daysAgo: 0 }) },
  { pattern: /\b(\d{1,2})\s+(?:hari\s+(?:yang\s+)?lalu|hari\s+yg\s+lalu|days?\s+ago)\b/gi, read: (m) => ({ daysAgo: +m[1]! }) },
];

function fullYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}

/** The message's calendar day in Jakarta. */
function localDay(at: string): { year: number; month: number; day: number; ms: number } {
  const local = new Date(Date.parse(at) + WIB_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), ms: Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `YYYY-MM-DD`, or null for something that is not a calendar date (31/02, 45/13, a time like 10-30). */
export function resolveDate(read: { day: number; month: number; year?: number } | { daysAgo: number }, messageAt: string): string | null {
  const today = localDay(messageAt);
  if ('daysAgo' in read) return read.daysAgo <= 60 ? iso(today.ms - read.daysAgo * DAY_MS) : null;
  const { day, month } = read;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const year = read.year ?? today.year;
  if (year < 2000 || year > 2100) return null;
  let ms = Date.UTC(year, month - 1, day);
  // "28 Des" written in January means the December just past: complaints are about what happened.
  if (read.year === undefined && ms > today.ms) ms = Date.UTC(year - 1, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return iso(ms);
}
