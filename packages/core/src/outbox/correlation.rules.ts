/*
 * The correlation id we attach to every send where the channel echoes one back (WhatsApp's
 * biz_opaque_callback_data, channels.md §2.6 / §2.3.6): it names the message, so a status for a send whose
 * answer we never recorded still finds its message.
 */

const PREFIX = 'keluh-msg-';

export function correlationIdFor(messageId: number): string {
  return `${PREFIX}${messageId}`;
}

/** The message a correlation id names, or null when it is not one of ours. */
export function messageIdFromCorrelation(correlationId: string | null | undefined): number | null {
  if (!correlationId?.startsWith(PREFIX)) return null;
  const digits = correlationId.slice(PREFIX.length);
  return /^[1-9][0-9]{0,15}$/.test(digits) ? Number(digits) : null;
}
