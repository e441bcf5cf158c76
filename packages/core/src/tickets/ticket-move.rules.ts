import type { Message } from '../messages/message.types.ts';
import { previewOf } from '../messages/message.rules.ts';
import { AppError } from '../shared/errors.ts';
import type { ConversationSummary } from './ticket-move.types.ts';
import type { Ticket } from './ticket.types.ts';

type MoveParty = Pick<Ticket, 'id' | 'customerId' | 'mergedIntoTicketId'>;

/** One ticket per issue of ONE customer: a merge across customers would hand one customer's words to another. */
export function assertTicketsMergeable(source: MoveParty, target: MoveParty): void {
  if (source.id === target.id) throw new AppError('ticket.merge_self', `Ticket ${source.id} cannot be merged into itself`, { ticketId: source.id });
  for (const ticket of [source, target]) assertNotMerged(ticket);
  if (source.customerId !== target.customerId) {
    throw new AppError('ticket.merge_other_customer', `Tickets ${source.id} and ${target.id} belong to different customers`, { ticketId: source.id, intoTicketId: target.id });
  }
}

export function assertNotMerged(ticket: MoveParty): void {
  if (ticket.mergedIntoTicketId !== null) {
    throw new AppError('ticket.already_merged', `Ticket ${ticket.id} is merged into ticket ${ticket.mergedIntoTicketId}`, { ticketId: ticket.id, mergedIntoTicketId: ticket.mergedIntoTicketId });
  }
}

/** The chosen messages of the ticket, in timeline order; refused when they are none, all, or not the ticket's. */
export function splitSelection(ticketId: number, messages: readonly Message[], chosen: readonly number[]): number[] {
  const wanted = new Set(chosen);
  if (wanted.size === 0) throw new AppError('ticket.split_empty', 'Choose at least one message to split off', { ticketId });
  const ofTicket = new Set(messages.map((message) => message.id));
  const foreign = [...wanted].filter((id) => !ofTicket.has(id));
  if (foreign.length > 0) {
    throw new AppError('validation.failed', `Messages ${foreign.join(', ')} are not on ticket ${ticketId}`, { issues: [{ path: 'body.messageIds', message: 'Not a message of this ticket' }], messageIds: foreign });
  }
  if (wanted.size === messages.length) throw new AppError('ticket.split_all', 'A split must leave at least one message on the ticket', { ticketId });
  return messages.filter((message) => wanted.has(message.id)).map((message) => message.id);
}

/**
 * What the ticket's row says of its conversation once `messages` (timeline order) are its messages.
 * Unread: the customer's messages after the last reply, but never more than were unread before the move
 * (what an agent already read stays read). A ticket left without messages keeps its time and preview.
 */
export function conversationOf(ticket: Ticket, messages: readonly Message[], unreadBefore: number): ConversationSummary {
  const last = latest(messages);
  if (!last) return { lastMessageAt: ticket.lastMessageAt, lastMessagePreview: ticket.lastMessagePreview, lastInboundAt: ticket.lastInboundAt, lastChannel: ticket.lastChannel, unreadCount: 0 };
  const inbound = messages.filter((message) => message.direction === 'in');
  const lastIn = latest(inbound);
  const lastReply = latest(messages.filter((message) => message.direction === 'out'));
  const trailing = inbound.filter((message) => !lastReply || message.createdAt > lastReply.createdAt).length;
  return {
    lastMessageAt: last.createdAt,
    lastMessagePreview: previewOf(last.body || (last.attachments.length > 0 ? `[${last.attachments.map((a) => a.kind).join(', ')}]` : '')),
    lastInboundAt: lastIn?.createdAt ?? null,
    lastChannel: lastIn?.channel ?? ticket.channel,
    unreadCount: Math.min(trailing, unreadBefore),
  };
}

/** Ordered by when we stored them: the ticket's times are server times, like `createdAt`. */
function latest(messages: readonly Message[]): Message | undefined {
  return messages.reduce<Message | undefined>((best, message) => (!best || message.createdAt > best.createdAt || (message.createdAt === best.createdAt && message.id > best.id) ? message : best), undefined);
}
