import type { InboundMessageEvent } from '../channels/channel.types.ts';
import { describeCues, priorityFor, readEmotion } from '../emotion/emotion.rules.ts';
import type { EmotionReading } from '../emotion/emotion.types.ts';
import type { Message } from '../messages/message.types.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import { recordPriorityRaise } from './record-priority-raise.ts';
import type { TxContext } from './tx-context.ts';

/** Only the customer's own words are read: echoes of what the business typed, and media without text, get none. */
export function emotionOf(event: InboundMessageEvent, fromCustomer: boolean): EmotionReading | null {
  return fromCustomer && event.body.trim() !== '' ? readEmotion(event.body) : null;
}

/**
 * Raises the ticket's priority when the message's reading calls for more than it has, in the ingest
 * transaction, and records why. `ticket` is the row just written by recordInbound, so its priority is
 * current: that update holds the row (PostgreSQL) or the only writer (SQLite) until we commit, and an
 * agent's concurrent change waits for us instead of being overwritten. Never lowers a priority.
 */
export async function raisePriorityOnEmotion(ctx: TxContext, message: Message, ticket: Ticket): Promise<Ticket> {
  if (!message.emotion) return ticket;
  const to = priorityFor(message.emotion, ticket.priority);
  if (to === ticket.priority) return ticket;
  const raised = await ctx.tx.tickets.update(ticket.id, { priority: to }, ctx.now);
  const { anger, urgency } = message.emotion;
  await recordPriorityRaise(ctx, ticket.id, ticket.customerId, { from: ticket.priority, to, messageId: message.id, anger, urgency, cues: describeCues(message.emotion) });
  return raised;
}
