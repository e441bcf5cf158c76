/*
 * Every key an API channel produces is prefixed with its own id, so two integrations that both call a
 * customer "42" (or both number their messages from 1) never share an identity or dedupe each other away.
 */

export function scopedKey(apiChannelId: number, key: string): string {
  return `${apiChannelId}:${key}`;
}

/** Splits at the FIRST colon: the integrator's part may itself contain colons. */
export function splitScopedKey(scoped: string): { apiChannelId: number; key: string } | null {
  const match = /^([1-9]\d*):(.+)$/s.exec(scoped);
  if (!match) return null;
  return { apiChannelId: Number(match[1]), key: match[2]! };
}

/** The id of our outbound webhook, stable across retries so the integrator can deduplicate on it. */
export function outboundDeliveryId(messageId: number): string {
  return `keluh-msg-${messageId}`;
}
