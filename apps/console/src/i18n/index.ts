import { createI18n } from 'vue-i18n';
import en from './en.ts';
import id from './id.ts';

export const supportedLanguages = ['id', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];
export const LANGUAGE_STORAGE_KEY = 'keluh.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

/** The remembered choice, else Bahasa Indonesia: most of the agents this is built for work in it. */
export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Language {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : 'id';
  } catch {
    return 'id';
  }
}

export function createAppI18n(locale: Language = storedLanguage()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { id, en },
    missingWarn: false,
    fallbackWarn: false,
  });
}

/** BCP 47 tags for Intl formatting of dates and numbers. */
export const intlLocale: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };
