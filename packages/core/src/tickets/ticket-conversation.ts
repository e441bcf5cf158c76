import type { Repositories } from '../ports/repositories.ts';
import type { Instant } from '../shared/instant.ts';
import { conversationOf } from './ticket-move.rules.ts';

/**
 * After messages moved between tickets behind the customer's back (a customer merge folding two active
 * tickets, its undo sending them home), each ticket's row is rewritten from the messages it now holds: the
 * inbox sorts by the last message, shows its preview and counts the unread. `unreadBefore` is what the
 * tickets had unread together before the move: what an agent had read stays read.
 */
export async function refreshConversations(tx: Repositories, ticketIds: Iterable<number>, unreadBefore: number, now: Instant): Promise<void> {
  for (const ticketId of new Set(ticketIds)) {
    const ticket = await tx.tickets.findById(ticketId);
    if (!ticket) continue;
    await tx.ticketMoves.setConversation(ticketId, conversationOf(ticket, await tx.messages.listForTicket(ticketId), unreadBefore), now);
  }
}

