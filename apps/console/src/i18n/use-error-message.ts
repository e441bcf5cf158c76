import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/http.ts';

export interface ShownError {
  message: string;
  code: string | null;
}

/** Maps an error's stable code to `errors.<code>`; unknown codes fall back to the generic message. */
export function useErrorMessage() {
  const { t, te } = useI18n({ useScope: 'global' });
  return (error: unknown): ShownError => {
    const code = error instanceof ApiError ? error.code : null;
    const key = code ? `errors.${code}` : null;
    return { message: key && te(key) ? t(key) : t('errors.generic'), code };
  };
}
