import type { TxContext } from '../ingest/tx-context.ts';
import type { CustomerMerge } from './merge.types.ts';

/**
 * Announces a merge or its undo once per ticket it touched, so it reaches every room that shows one of
 * them (and is filtered by each ticket's scope like any ticket event), then the folded ticket's new status.
 */
export async function announceMerge(ctx: TxContext, type: 'customer.merged' | 'customer.unmerged', merge: CustomerMerge, ticketIds: readonly number[]): Promise<void> {
  const customerId = merge.survivorId;
  for (const ticketId of new Set(ticketIds)) ctx.emit({ type, ticketId, customerId, payload: { merge } });
  const folded = merge.moved.folded;
  if (!folded) return;
  const view = await ctx.tx.tickets.findView(folded.fromTicketId);
  if (view) ctx.emit({ type: 'ticket.updated', ticketId: view.id, customerId: view.customerId, payload: { ticket: view, changes: ['status', 'customerId'] } });
}
