import type { Instant } from '../shared/instant.ts';
import type { ConversationSummary, NewTicketMove, TicketMove } from '../tickets/ticket-move.types.ts';

/**
 * Guarantees:
 * - `markUndone` is conditional (only a move not undone yet), so two undos racing cannot both apply;
 * - `moveMessages` moves only the named messages still on `fromTicketId`, in one statement.
 */
export interface TicketMoveRepository {
  create(move: NewTicketMove): Promise<TicketMove>;
  findById(id: number): Promise<TicketMove | null>;
  /** Moves where the ticket is the source or the target, newest first. */
  listForTicket(ticketId: number): Promise<TicketMove[]>;
  /** Null when the move was already undone (maybe by a concurrent undo). */
  markUndone(id: number, byUserId: number | null, at: Instant): Promise<TicketMove | null>;
  /** Returns how many moved. */
  moveMessages(messageIds: readonly number[], fromTicketId: number, toTicketId: number): Promise<number>;
  /** Writes what a ticket's row says of its conversation after messages moved in or out. */
  setConversation(ticketId: number, summary: ConversationSummary, now: Instant): Promise<void>;
}
