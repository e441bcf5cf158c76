import type { InboundStatusEvent } from '../channels/channel.types.ts';
import { nextDeliveryStatus } from '../messages/message.rules.ts';
import type { Message } from '../messages/message.types.ts';
import { messageIdFromCorrelation } from '../outbox/correlation.rules.ts';
import type { TxContext } from './tx-context.ts';

export type StatusOutcome = 'applied' | 'unchanged' | 'parked' | 'ignored';

/**
 * Applies a channel's status to one of our outbound messages; statuses only move forward. A status for
 * an id we do not know yet names its message by our correlation id when the channel echoes it: that
 * message takes the id (see adoptUnrecordedSend). Otherwise it is parked: it may have beaten our send
 * response (channels.md §2.5, case 17), and is applied when the send is stored. Web chat ids are ours,
 * so an unknown one is simply ignored.
 */
export async function handleDeliveryStatus(ctx: TxContext, event: InboundStatusEvent): Promise<StatusOutcome> {
  // Looked up first in any case: inside the transaction this holds the id (PostgreSQL), so a settlement
  // storing the same id runs before or after us, never alongside.
  const message = (await ctx.tx.messages.findByExternalId(event.channel, event.externalMessageId)) ?? (await adoptUnrecordedSend(ctx, event));
  if (!message) {
    if (event.channel === 'webchat') return 'ignored';
    await ctx.tx.parkedStatuses.park(event, ctx.now);
    return 'parked';
  }
  return applyStatusTo(ctx, message, event);
}

/**
 * A send the channel accepted but we never recorded: the process died between the channel's answer and
 * the commit of the outcome (or the answer was lost on the wire). The message is still queued without a
 * channel id, and its outbox row would send it again once the lease runs out. The status carries our
 * correlation id, so the message takes the channel id from it; the outbox then sees the id and does not
 * send a second time. The recipient must be the ticket customer's too: another app sending on the same
 * business number (another install, whose message ids overlap ours) never has its status taken for ours.
 */
async function adoptUnrecordedSend(ctx: TxContext, event: InboundStatusEvent): Promise<Message | null> {
  const messageId = messageIdFromCorrelation(event.correlationId);
  if (messageId === null) return null;
  const message = await ctx.tx.messages.findById(messageId);
  if (!message || message.direction !== 'out' || message.channel !== event.channel || message.externalId !== null || message.status !== 'queued') return null;
  const ticket = await ctx.tx.tickets.findById(message.ticketId);
  const identities = ticket ? await ctx.tx.identities.listForCustomer(ticket.customerId) : [];
  const recipients = new Set(event.recipientExternalIds ?? []);
  if (!identities.some((identity) => identity.channel === event.channel && recipients.has(identity.externalId))) return null;
  return ctx.tx.messages.update(message.id, { externalId: event.externalMessageId }, ctx.now);
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
