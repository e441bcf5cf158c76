import { useI18n } from 'vue-i18n';
import { useLanguage } from '../../i18n/use-language.ts';
import { remainingParts } from './reply-window.ts';

/** "5h 12m" / "5 jam 12 mnt", "3 days" / "3 hari": how long a reply window has left, in the current language. */
export function useRemaining() {
  const { t } = useI18n();
  const { intl } = useLanguage();
  return (ms: number): string => {
    const parts = remainingParts(ms);
    switch (parts.unit) {
      case 'days':
        return new Intl.NumberFormat(intl.value, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(parts.days);
      case 'hours':
        return `${t('time.hours', { n: parts.hours })} ${t('time.minutes', { n: parts.minutes })}`;
      case 'minutes':
        return t('time.minutes', { n: parts.minutes });
      default:
        return t('window.moment');
    }
  };
}
