import { computed, ref } from 'vue';
import { useNow } from '@vueuse/core';
import { useI18n } from 'vue-i18n';
import { ApiError } from '../../api/http.ts';

/** Seconds the server asks us to wait after too many failed sign-ins, or null for any other error. */
export function lockoutSeconds(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'auth.locked') return null;
  const seconds = error.details?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds : null;
}

/**
 * The sign-in lock-out, counting down in the agent's language. The server refuses even the right
 * password until then, so the form says how long rather than letting the agent retry into a wall.
 */
export function useLockout() {
  const { t } = useI18n();
  const until = ref<number | null>(null);
  const now = useNow({ interval: 1000 });
  const remaining = computed(() => (until.value === null ? 0 : Math.max(0, Math.ceil((until.value - now.value.getTime()) / 1000))));
  const waitText = (seconds: number) => (seconds < 60 ? t('login.waitSeconds', seconds) : t('login.waitMinutes', Math.ceil(seconds / 60)));
  const message = computed(() => (remaining.value > 0 ? t('errors.auth.locked', { time: waitText(remaining.value) }) : null));
  return {
    remaining,
    message,
    lockFor(seconds: number) {
      until.value = Date.now() + seconds * 1000;
    },
  };
}
