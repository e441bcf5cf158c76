import { useI18n } from 'vue-i18n';
import { useLanguage } from '../i18n/use-language.ts';

/** Local calendar day of an instant, for grouping the timeline. */
export function dayKey(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

export function useDates() {
  const { t } = useI18n();
  const { intl } = useLanguage();

  function time(iso: string): string {
    return new Intl.DateTimeFormat(intl.value, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  }

  function full(iso: string): string {
    return new Intl.DateTimeFormat(intl.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  function day(iso: string, now = new Date()): string {
    const key = dayKey(iso);
    if (key === dayKey(now.toISOString())) return t('time.today');
    const yesterday = new Date(now);
    yesterday.setDate(now.getDate() - 1);
    if (key === dayKey(yesterday.toISOString())) return t('time.yesterday');
    const date = new Date(iso);
    return new Intl.DateTimeFormat(intl.value, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: date.getFullYear() === now.getFullYear() ? undefined : 'numeric',
    }).format(date);
  }

  return { time, full, day };
}
