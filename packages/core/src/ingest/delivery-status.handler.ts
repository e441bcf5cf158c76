import type { InboundStatusEvent } from '../channels/channel.types.ts';
import { nextDeliveryStatus } from '../messages/message.rules.ts';
import type { Message } from '../messages/message.types.ts';
import type { TxContext } from './tx-context.ts';

export type StatusOutcome = 'applied' | 'unchanged' | 'parked' | 'ignored';

/**
 * Applies a channel's status to one of our outbound messages; statuses only move forward. A status for
 * an id we do not know yet is parked: it may have beaten our send response (channels.md §2.5, case 17),
 * and is applied when the send is stored. Web chat ids are ours, so an unknown one is simply ignored.
 */
export async function handleDeliveryStatus(ctx: TxContext, event: InboundStatusEvent): Promise<StatusOutcome> {
  const message = await ctx.tx.messages.findByExternalId(event.channel, event.externalMessageId);
  if (!message) {
    if (event.channel === 'webchat') return 'ignored';
    await ctx.tx.parkedStatuses.park(event, ctx.now);
    return 'parked';
  }
  return applyStatusTo(ctx, message, event);
}

export async function applyStatusTo(ctx: TxContext, message: Message, event: InboundStatusEvent): Promise<StatusOutcome> {
  if (message.direction !== 'out') return 'ignored';
  const next = nextDeliveryStatus(message.status, event.status);
  if (!next) return 'unchanged';
  const updated = await ctx.tx.messages.update(
    message.id,
    { status: next, error: next === 'failed' ? (event.error ?? { code: 'unknown', reason: 'Delivery failed' }) : null },
    ctx.now,
  );
  const ticket = await ctx.tx.tickets.findById(message.ticketId);
  ctx.emit({
    type: 'message.status',
    ticketId: message.ticketId,
    customerId: ticket?.customerId ?? null,
    payload: { messageId: updated.id, ticketId: updated.ticketId, status: updated.status, error: updated.error },
  });
  return 'applied';
}

/** Once a send has its channel id, statuses that arrived early are applied in arrival order. */
export async function applyParkedStatuses(ctx: TxContext, message: Message): Promise<void> {
  if (!message.externalId) return;
  let current = message;
  for (const parked of await ctx.tx.parkedStatuses.take(message.channel, message.externalId)) {
    if ((await applyStatusTo(ctx, current, parked)) === 'applied') current = (await ctx.tx.messages.findById(message.id)) ?? current;
  }
}
