import { useI18n } from 'vue-i18n';
import { durationParts } from '../features/inbox/waiting.ts';

/** "12m" / "12 mnt", "3h" / "3 jam"… in the current language. */
export function useDuration() {
  const { t } = useI18n();
  return (ms: number): string => {
    const parts = durationParts(ms);
    return parts.unit === 'now' ? t('time.now') : t(`time.${parts.unit}`, { n: parts.n });
  };
}
