import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { intlLocale, isLanguage, LANGUAGE_STORAGE_KEY, type Language } from './index.ts';

export function useLanguage() {
  const { locale } = useI18n({ useScope: 'global' });

  const language = computed<Language>({
    get: () => (isLanguage(locale.value) ? locale.value : 'id'),
    set: (next) => {
      locale.value = next;
      document.documentElement.lang = next;
      try {
        localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
      } catch {
        // Private mode or full storage: the switch still applies for this tab.
      }
    },
  });

  return { language, intl: computed(() => intlLocale[language.value]) };
}
