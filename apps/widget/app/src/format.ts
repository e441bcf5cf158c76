import type { Lang, Translate } from './i18n.ts';

/* Times are shown in the visitor's own time zone; the server sends UTC instants. */

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

export function formatTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit' }).format(date);
}

const dayKey = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;

export function dayLabel(iso: string, now: Date, lang: Lang, t: Translate): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (dayKey(date) === dayKey(now)) return t('today');
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(date) === dayKey(yesterday)) return t('yesterday');
  const sameYear = date.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

export const sameDay = (a: string, b: string): boolean => dayKey(new Date(a)) === dayKey(new Date(b));
