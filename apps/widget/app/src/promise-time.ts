import type { Lang } from './i18n.ts';

/* When a promise is due, in the visitor's words: "in 2 hours" and the date and time it stands for. */

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function relativeDue(dueAt: string, now: Date, lang: Lang): string {
  const diff = Date.parse(dueAt) - now.getTime();
  if (Number.isNaN(diff)) return '';
  const format = new Intl.RelativeTimeFormat(locale(lang), { numeric: 'auto' });
  const size = Math.abs(diff);
  if (size < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
  if (size < DAY) return format.format(Math.round(diff / HOUR), 'hour');
  return format.format(Math.round(diff / DAY), 'day');
}

/** `timeZone` only for tests: the widget shows the visitor's own zone. */
export function absoluteDue(dueAt: string, lang: Lang, timeZone?: string): string {
  const date = new Date(dueAt);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short', ...(timeZone && { timeZone }) }).format(date);
}
