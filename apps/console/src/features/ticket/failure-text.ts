import { useI18n } from 'vue-i18n';
import type { ChannelKind } from '@keluh/core';
import type { MessageDto } from '@keluh/contracts';

/**
 * i18n keys that may explain a send failure, most specific first. WhatsApp reports asynchronous
 * failures with Meta's bare number (`131026`) and synchronous ones prefixed (`whatsapp.131026`).
 */
export function failureKeys(code: string, channel: ChannelKind): string[] {
  const keys = [`errors.${code}`];
  if (/^\d+$/.test(code)) keys.push(`errors.${channel}.${code}`);
  return keys;
}

/** A friendly sentence for a failed message; the channel's own reason when we have none. */
export function useFailureText() {
  const { t, te } = useI18n({ useScope: 'global' });
  return (error: NonNullable<MessageDto['error']>, channel: ChannelKind): string => {
    const key = failureKeys(error.code, channel).find((candidate) => te(candidate));
    return key ? t(key) : error.reason;
  };
}
