import type { MessageDto } from '@keluh/contracts';

/**
 * How long the customer has waited for us: since their last message, when it is newer than our last
 * reply; null when the last word is ours.
 */
export function replyWaitMs(messages: readonly MessageDto[], now: number): number | null {
  let lastIn: number | null = null;
  let lastOut: number | null = null;
  for (const message of messages) {
    const at = Date.parse(message.sentAt);
    if (message.direction === 'in') lastIn = Math.max(lastIn ?? at, at);
    else if (message.authorKind === 'agent') lastOut = Math.max(lastOut ?? at, at);
  }
  if (lastIn === null || (lastOut !== null && lastOut >= lastIn)) return null;
  return Math.max(0, now - lastIn);
}
