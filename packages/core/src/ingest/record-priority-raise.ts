import type { TicketActivity } from '../notes/note.types.ts';
import type { TxContext } from './tx-context.ts';

export type PriorityRaise = Extract<TicketActivity, { kind: 'priority.raised' }>['data'];

/**
 * The one place a priority raise becomes a `ticket.activity` for the timeline. The activities repository
 * is built in parallel (w9/workflow): at merge the lead stores the row here first —
 * `const activity = await ctx.tx.activities.record({ ticketId, actorUserId: null, at: ctx.now, kind: 'priority.raised', data })` —
 * and emits that; until then the event carries id 0, which no stored row has.
 */
export async function recordPriorityRaise(ctx: TxContext, ticketId: number, customerId: number, data: PriorityRaise): Promise<void> {
  const activity: TicketActivity = { id: 0, ticketId, actorUserId: null, at: ctx.now, kind: 'priority.raised', data };
  ctx.emit({ type: 'ticket.activity', ticketId, customerId, payload: { activity } });
}
