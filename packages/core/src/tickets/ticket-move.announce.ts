import type { Repositories } from '../ports/repositories.ts';
import type { Emit } from '../shared/deps.ts';
import type { Instant } from '../shared/instant.ts';
import { recomputeSla } from '../sla/sla-recompute.ts';
import type { TicketView } from './ticket.types.ts';
import type { TicketMove } from './ticket-move.types.ts';

export interface TicketMoveResult {
  move: TicketMove;
  source: TicketView;
  target: TicketView;
}

/**
 * Both tickets changed: each room hears its `ticket.updated` (lists re-sort) and `ticket.moved` (an open
 * timeline reloads), and both tickets' response clocks are recomputed on the messages they now hold.
 */
export async function announceMove(tx: Repositories, emit: Emit, move: TicketMove, options: { undone: boolean; now: Instant; created?: boolean }): Promise<TicketMoveResult> {
  const [source, target] = await Promise.all([tx.tickets.findView(move.sourceTicketId), tx.tickets.findView(move.targetTicketId)]);
  if (!source || !target) throw new Error(`Ticket move ${move.id} names a missing ticket`);
  emit({ type: 'ticket.updated', ticketId: source.id, customerId: source.customerId, payload: { ticket: source, changes: ['messages', 'status'] } });
  if (options.created) emit({ type: 'ticket.created', ticketId: target.id, customerId: target.customerId, payload: { ticket: target } });
  else emit({ type: 'ticket.updated', ticketId: target.id, customerId: target.customerId, payload: { ticket: target, changes: ['messages', 'status'] } });
  for (const ticket of [source, target]) {
    emit({ type: 'ticket.moved', ticketId: ticket.id, customerId: ticket.customerId, payload: { move, source, target, undone: options.undone } });
  }
  await recomputeSla(tx, source.id, options.now, emit);
  await recomputeSla(tx, target.id, options.now, emit);
  return { move, source, target };
}
