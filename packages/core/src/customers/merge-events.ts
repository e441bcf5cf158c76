import type { TxContext } from '../ingest/tx-context.ts';
import type { CustomerMerge } from './merge.types.ts';

/**
 * Announces a merge or its undo once per ticket it touched, so it reaches every room that shows one of
 * them (and is filtered by each ticket's scope like any ticket event), then each of those tickets as it
 * now is: inbox rows show the customer they belong to, and a folded ticket its new status.
 */
export async function announceMerge(ctx: TxContext, type: 'customer.merged' | 'customer.unmerged', merge: CustomerMerge, ticketIds: readonly number[]): Promise<void> {
  const touched = new Set(ticketIds);
  for (const ticketId of touched) ctx.emit({ type, ticketId, customerId: merge.survivorId, payload: { merge } });
  for (const ticketId of touched) {
    const view = await ctx.tx.tickets.findView(ticketId);
    if (view) ctx.emit({ type: 'ticket.updated', ticketId: view.id, customerId: view.customerId, payload: { ticket: view, changes: ['customer', 'status'] } });
  }
}
