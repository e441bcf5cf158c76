import { recipientIdentity } from '../customers/recipient.rules.ts';
import type { Repositories } from '../ports/repositories.ts';
import { previewOf } from '../messages/message.rules.ts';
import type { Message } from '../messages/message.types.ts';
import type { Emit } from '../shared/deps.ts';
import type { Instant } from '../shared/instant.ts';
import { choicesAsText } from './review-choices.rules.ts';
import { recomputeSla } from '../sla/sla-recompute.ts';
import type { MessageChoices } from './review.types.ts';

export interface ReviewMessage {
  ticketId: number;
  body: string;
  choices: MessageChoices | null;
  /** The agent who asked for the review: our follow-ups read as their conversation. */
  authorUserId: number | null;
}

/**
 * Queues one of our stage-5 messages through the outbox, in the caller's transaction, on the channel the
 * customer last used. It moves the conversation on without clearing the unread count or reopening a
 * resolved ticket: the agent has not answered anything by it.
 */
export async function queueReviewMessage({ tx, emit, now }: { tx: Repositories; emit: Emit; now: Instant }, input: ReviewMessage): Promise<Message> {
  const ticket = await tx.tickets.findById(input.ticketId);
  if (!ticket) throw new Error(`Review points at missing ticket ${input.ticketId}`);
  const channel = ticket.lastChannel;
  // The API channel shows no options: the text lists them so a typed answer can follow it.
  const body = input.choices && channel === 'api' ? choicesAsText(input.body, input.choices) : input.body;
  const recipient = recipientIdentity(await tx.identities.listForCustomer(ticket.customerId), channel);
  const message = await tx.messages.insertIfAbsent(
    { ticketId: ticket.id, direction: 'out', authorKind: 'agent', authorUserId: input.authorUserId, channel, identityId: recipient?.id ?? null, body, status: 'queued', sentAt: now, choices: input.choices, automated: true },
    now,
  );
  if (!message) throw new Error('Outbound message without external id cannot conflict');
  await tx.outbox.enqueue({ messageId: message.id, channel, availableAt: now }, now);
  await tx.tickets.recordActivity(ticket.id, { at: now, preview: previewOf(input.body) }, now);
  const view = await tx.tickets.findView(ticket.id);
  if (view) emit({ type: 'message.created', ticketId: ticket.id, customerId: ticket.customerId, payload: { message, ticket: view } });
  // Automated, so it stops no clock; recomputed here like every send so the clocks never lag the timeline.
  await recomputeSla(tx, ticket.id, now, emit);
  return message;
}
