import type { TicketActivity } from '../notes/note.types.ts';
import type { TxContext } from './tx-context.ts';

export type PriorityRaise = Extract<TicketActivity, { kind: 'priority.raised' }>['data'];

/**
 * The one place a priority raise becomes a `ticket.activity` for the timeline: stored in the ingest
 * transaction that raised it, so the timeline's reason and the ticket's new priority commit together.
 */
export async function recordPriorityRaise(ctx: TxContext, ticketId: number, customerId: number, data: PriorityRaise): Promise<void> {
  const activity = await ctx.tx.activities.record({ ticketId, actorUserId: null, at: ctx.now, kind: 'priority.raised', data });
  ctx.emit({ type: 'ticket.activity', ticketId, customerId, payload: { activity } });
}
