import { useI18n } from 'vue-i18n';
import { useLanguage } from '../../i18n/use-language.ts';
import type { ComplaintCategory, ExitCriterion } from './core-types.ts';

/** "Balasan pertama belum dikirim", "Nomor pesanan belum ada": an unmet criterion in the agent's words. */
export function useMissingText() {
  const { t } = useI18n();
  const { language } = useLanguage();
  return (criterion: ExitCriterion, category: ComplaintCategory | null): string => {
    if (criterion.startsWith('fact:')) {
      const key = criterion.slice('fact:'.length);
      const definition = category?.facts.find((fact) => fact.key === key);
      return t('workflow.missing.fact', { name: definition ? definition.label[language.value] : key });
    }
    return t(`workflow.missing.${criterion}`);
  };
}
