import { ChannelSendError, type ChannelAdapter, type ChannelKind } from '../channels/channel.types.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { addMilliseconds } from '../shared/instant.ts';
import type { OutboxItem } from './outbox.types.ts';

export const MAX_SEND_ATTEMPTS = 8;

/** Exponential back-off with a ceiling: 2 s, 4 s, 8 s … 5 min. */
export function backoffMs(attempt: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, attempt - 1), 300_000);
}

export type AdapterRegistry = Partial<Record<ChannelKind, ChannelAdapter>>;

export interface DispatchReport {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends what is due in the outbox. The network call happens outside any transaction; its outcome is
 * then committed together with the status event, so a crash in between leaves the row pending and
 * the message is retried rather than lost.
 */
export async function dispatchDueMessages(deps: CoreDeps, adapters: AdapterRegistry, limit = 20): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, retried: 0, failed: 0 };
  const due = await deps.db.outbox.listDue(deps.clock.now(), limit);
  for (const item of due) {
    const outcome = await sendOne(deps, adapters, item);
    report[outcome] += 1;
  }
  return report;
}

async function sendOne(deps: CoreDeps, adapters: AdapterRegistry, item: OutboxItem): Promise<keyof DispatchReport> {
  const message = await deps.db.messages.findById(item.messageId);
  const ticket = message ? await deps.db.tickets.findById(message.ticketId) : null;
  if (!message || !ticket) {
    await deps.db.outbox.markFailed(item.id, 'message vanished');
    return 'failed';
  }
  const adapter = adapters[item.channel];
  const identities = await deps.db.identities.listForCustomer(ticket.customerId);
  const recipient = identities.find((identity) => identity.channel === item.channel);
  try {
    if (!adapter) throw new ChannelSendError({ code: 'channel.not_configured', reason: `No ${item.channel} adapter is configured`, retryable: false });
    if (!recipient) throw new ChannelSendError({ code: 'channel.no_recipient', reason: `Customer has no ${item.channel} identity`, retryable: false });
    const receipt = await adapter.send({
      messageId: message.id,
      ticketId: ticket.id,
      channel: item.channel,
      recipientExternalId: recipient.externalId,
      body: message.body,
    });
    await settle(deps, item, message.id, ticket.customerId, { status: 'sent', externalId: receipt.externalMessageId, error: null });
    return 'sent';
  } catch (error) {
    const failure = error instanceof ChannelSendError ? error : new ChannelSendError({ code: 'internal', reason: String(error), retryable: true });
    const attempts = item.attempts + 1;
    if (failure.retryable && attempts < MAX_SEND_ATTEMPTS) {
      const wait = failure.retryAfterMs ?? backoffMs(attempts);
      await deps.db.outbox.reschedule(item.id, addMilliseconds(deps.clock.now(), wait), `${failure.code}: ${failure.message}`);
      return 'retried';
    }
    await settle(deps, item, message.id, ticket.customerId, {
      status: 'failed',
      externalId: null,
      error: { code: failure.code, reason: failure.message },
    });
    return 'failed';
  }
}

async function settle(
  deps: CoreDeps,
  item: OutboxItem,
  messageId: number,
  customerId: number,
  outcome: { status: 'sent' | 'failed'; externalId: string | null; error: { code: string; reason: string } | null },
): Promise<void> {
  await commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const current = await tx.messages.findById(messageId);
    // A fast channel may already have reported delivered/read for this id; never step back.
    const status = current && current.status !== 'queued' && outcome.status === 'sent' ? current.status : outcome.status;
    const updated = await tx.messages.update(
      messageId,
      { status, error: outcome.error, ...(outcome.externalId ? { externalId: outcome.externalId } : {}) },
      now,
    );
    if (outcome.status === 'sent') await tx.outbox.markDone(item.id, now);
    else await tx.outbox.markFailed(item.id, outcome.error?.reason ?? 'failed');
    await emit({
      type: 'message.status',
      ticketId: updated.ticketId,
      customerId,
      payload: { messageId, ticketId: updated.ticketId, status: updated.status, error: updated.error },
    });
  });
}
