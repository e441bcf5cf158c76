import type { ChatMessage } from './conversation.ts';

/*
 * Read receipts and the unread badge. `seen` holds agent messages that were on screen while the panel was
 * visible (known locally even when offline); `reported` is what the server has acknowledged from us, so
 * a reconnect re-sends only what it never got.
 */

export type ReceiptStatus = 'delivered' | 'read';

const level = (status: ChatMessage['status'] | ReceiptStatus | undefined): number =>
  status === 'read' ? 2 : status === 'delivered' ? 1 : 0;

const agentMessages = (messages: readonly ChatMessage[]) =>
  messages.filter((m): m is ChatMessage & { id: number } => m.direction === 'out' && m.id !== null);

/** Agent message ids that need a receipt, grouped by the status to report. */
export function pendingReceipts(
  messages: readonly ChatMessage[],
  seen: ReadonlySet<number>,
  reported: ReadonlyMap<number, ReceiptStatus>,
): Record<ReceiptStatus, number[]> {
  const result: Record<ReceiptStatus, number[]> = { delivered: [], read: [] };
  for (const message of agentMessages(messages)) {
    const target: ReceiptStatus = seen.has(message.id) ? 'read' : 'delivered';
    const known = Math.max(level(message.status), level(reported.get(message.id)));
    if (known < level(target)) result[target].push(message.id);
  }
  return result;
}

/** Agent messages the visitor has not looked at; a read on the server (another tab) counts as looked at. */
export function unreadCount(messages: readonly ChatMessage[], seen: ReadonlySet<number>): number {
  return agentMessages(messages).filter((m) => !seen.has(m.id) && m.status !== 'read').length;
}

export function agentMessageIds(messages: readonly ChatMessage[]): number[] {
  return agentMessages(messages).map((m) => m.id);
}
