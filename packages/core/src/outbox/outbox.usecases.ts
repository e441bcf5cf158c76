import { ChannelSendError, type ChannelAdapter, type ChannelKind, type OutboundMessage } from '../channels/channel.types.ts';
import { recipientIdentity } from '../customers/recipient.rules.ts';
import { applyParkedStatuses } from '../ingest/delivery-status.handler.ts';
import type { Message } from '../messages/message.types.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import type { Repositories } from '../ports/repositories.ts';
import { addMilliseconds, type Instant } from '../shared/instant.ts';
import { correlationIdFor } from './correlation.rules.ts';
import type { OutboxItem } from './outbox.types.ts';

export const MAX_SEND_ATTEMPTS = 8;
/** A paused channel is looked at again this often: no tight loop while a token is expired (case 45). */
export const PAUSED_CHANNEL_RECHECK_MS = 60_000;

/** Exponential back-off with a ceiling: 2 s, 4 s, 8 s … 5 min. */
export function backoffMs(attempt: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, attempt - 1), 300_000);
}

export type AdapterRegistry = Partial<Record<ChannelKind, ChannelAdapter>>;

export interface DispatchReport {
  sent: number;
  retried: number;
  failed: number;
  paused: number;
}

/**
 * How long a claimed send stays ours. Far longer than any adapter's request timeout, so a live process
 * always settles before its lease runs out. A crashed one's rows are let go after this and sent again one
 * more lease later, unless the channel's status has shown by then that the send went out.
 */
export const OUTBOX_LEASE_MS = 5 * 60_000;

export interface DispatchOptions {
  /** Who claims the rows: unique per process (see Lease). */
  owner: string;
  limit?: number;
  /** The lease taken on each row (default OUTBOX_LEASE_MS); tests shorten it to see takeovers quickly. */
  leaseMs?: number;
}

/**
 * Sends what is due in the outbox. Rows are claimed first (a lease no other process can take while it
 * lasts), so with several processes each message is handed to its channel once. The network call happens
 * outside any transaction; its outcome is then committed together with the status event, so a crash in
 * between leaves the row claimed until its lease runs out, and the message is retried rather than lost —
 * unless the channel's status shows it went out (see releaseExpired and adoptUnrecordedSend).
 *
 * One row is claimed per send, right before it: a lease taken for a whole batch would start running out
 * while the sends before it were still going (twenty Graph calls near their timeout outlast five minutes),
 * and another process would take the row and send it while this one still meant to.
 */
export async function dispatchDueMessages(deps: CoreDeps, adapters: AdapterRegistry, options: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, retried: 0, failed: 0, paused: 0 };
  const leaseMs = options.leaseMs ?? OUTBOX_LEASE_MS;
  // A send left in flight by a dead process waits one more lease from now, not from its claim: the process
  // that would have received the channel's statuses was down too, and they come in once someone is back.
  const start = deps.clock.now();
  await deps.db.outbox.releaseExpired(start, addMilliseconds(start, leaseMs));
  for (let claimed = 0; claimed < (options.limit ?? 20); claimed++) {
    const now = deps.clock.now();
    const [item] = await deps.db.outbox.claimDue(now, 1, { owner: options.owner, until: addMilliseconds(now, leaseMs) });
    if (!item) break;
    const outcome = await sendOne(deps, adapters, item, options.owner);
    report[outcome] += 1;
  }
  return report;
}

async function sendOne(deps: CoreDeps, adapters: AdapterRegistry, item: OutboxItem, owner: string): Promise<keyof DispatchReport> {
  const message = await deps.db.messages.findById(item.messageId);
  const ticket = message ? await deps.db.tickets.findById(message.ticketId) : null;
  if (!message || !ticket) {
    await deps.db.outbox.markFailed(item.id, 'message vanished', owner);
    return 'failed';
  }
  if (message.externalId !== null) {
    // The channel's status named this send before its outcome was recorded (a process died in between,
    // see adoptUnrecordedSend): it went out, and sending again would reach the customer twice.
    await deps.db.outbox.markDone(item.id, owner);
    return 'sent';
  }
  if ((await deps.db.channelConfigs.get(item.channel))?.status === 'reconnect_needed') {
    await deps.db.outbox.postpone(item.id, addMilliseconds(deps.clock.now(), PAUSED_CHANNEL_RECHECK_MS), owner);
    return 'paused';
  }
  let outbound: OutboundMessage | null = null;
  try {
    const adapter = adapters[item.channel];
    if (!adapter) throw new ChannelSendError({ code: 'channel.not_configured', reason: `The ${item.channel} channel is not connected`, retryable: false });
    outbound = await outboundFor(deps, message, ticket, item.channel);
    const receipt = await adapter.send(outbound);
    await settle(deps, item, owner, message.id, ticket.customerId, { status: 'sent', externalId: receipt.externalMessageId, error: null });
    return 'sent';
  } catch (error) {
    const failure = error instanceof ChannelSendError ? error : new ChannelSendError({ code: 'internal', reason: String(error), retryable: true });
    if (failure.pauseChannel) {
      await pauseChannel(deps, item, owner, failure);
      return 'paused';
    }
    const attempts = item.attempts + 1;
    if (failure.retryable && attempts < MAX_SEND_ATTEMPTS) {
      const wait = Math.max(failure.retryAfterMs ?? 0, backoffMs(attempts));
      await deps.db.outbox.reschedule(item.id, addMilliseconds(deps.clock.now(), wait), `${failure.code}: ${failure.message}`, owner);
      return 'retried';
    }
    const unreachable = failure.recipientUnreachable && outbound ? await deps.db.identities.findByExternalId(item.channel, outbound.recipientExternalId) : null;
    await settle(deps, item, owner, message.id, ticket.customerId, { status: 'failed', externalId: null, error: { code: failure.code, reason: failure.message } }, unreachable?.id);
    return 'failed';
  }
}

async function outboundFor(deps: CoreDeps, message: Message, ticket: Ticket, channel: ChannelKind): Promise<OutboundMessage> {
  const [identities, customer] = await Promise.all([deps.db.identities.listForCustomer(ticket.customerId), deps.db.customers.findById(ticket.customerId)]);
  // The identity the reply was addressed to (the composer's picker); older rows: the one last written from.
  const named = message.identityId === null ? undefined : identities.find((identity) => identity.id === message.identityId && identity.channel === channel);
  const recipient = named ?? recipientIdentity(identities, channel);
  if (!recipient) throw new ChannelSendError({ code: 'channel.no_recipient', reason: `The customer has no ${channel} identity`, retryable: false });
  return {
    messageId: message.id,
    ticketId: ticket.id,
    channel,
    recipientExternalId: recipient.externalId,
    recipientPhone: channel === 'whatsapp' ? (recipient.phone ?? customer?.phone ?? null) : null,
    body: message.body,
    template: message.template,
    choices: message.choices,
    replyToExternalId: message.replyToExternalId,
    lastInboundAt: recipient.lastInboundAt,
    correlationId: correlationIdFor(message.id),
  };
}


async function pauseChannel(deps: CoreDeps, item: OutboxItem, owner: string, failure: ChannelSendError): Promise<void> {
  await commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    await tx.channelConfigs.setStatus(item.channel, 'reconnect_needed', failure.message, now);
    await tx.outbox.postpone(item.id, addMilliseconds(now, PAUSED_CHANNEL_RECHECK_MS), owner);
    emit({ type: 'channel.updated', ticketId: null, customerId: null, payload: { kind: item.channel, status: 'reconnect_needed', reason: failure.message } });
  });
}

async function settle(
  deps: CoreDeps,
  item: OutboxItem,
  owner: string,
  messageId: number,
  customerId: number,
  outcome: { status: 'sent' | 'failed'; externalId: string | null; error: { code: string; reason: string } | null },
  unreachableIdentityId?: number,
): Promise<void> {
  await commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    if (unreachableIdentityId !== undefined) await tx.identities.markUnreachable(unreachableIdentityId, now);
    const current = await tx.messages.findById(messageId);
    // An echo or a fast status may already have moved this message on; never step back.
    const status = current && current.status !== 'queued' && outcome.status === 'sent' ? current.status : outcome.status;
    const ownsId = outcome.externalId ? await reclaimExternalId(tx, item.channel, outcome.externalId, messageId, now) : false;
    const updated = await tx.messages.update(messageId, { status, error: outcome.error, ...(ownsId ? { externalId: outcome.externalId } : {}) }, now);
    // A lost lease (we overran it and another process took the row) still records what happened to this send.
    if (outcome.status === 'sent') await tx.outbox.markDone(item.id, owner);
    else await tx.outbox.markFailed(item.id, outcome.error?.reason ?? 'failed', owner);
    emit({ type: 'message.status', ticketId: updated.ticketId, customerId, payload: { messageId, ticketId: updated.ticketId, status: updated.status, error: updated.error } });
    await applyParkedStatuses({ tx, emit, now }, updated);
  });
}

/**
 * The channel id a send returned is this message's, but an echo that beat the send response may have
 * been claimed by another unconfirmed reply with the same text (case 36). A claimed reply goes back to
 * waiting for its own send. Never fail here: the message went out, and a failed settle would resend it.
 * Returns false when the id is held by something else (a copy stored from the echo), left as it is.
 */
async function reclaimExternalId(tx: Repositories, channel: ChannelKind, externalId: string, messageId: number, now: Instant): Promise<boolean> {
  const holder = await tx.messages.findByExternalId(channel, externalId);
  if (!holder || holder.id === messageId) return true;
  if (holder.direction !== 'out' || holder.via !== null || holder.authorKind !== 'agent') return false;
  await tx.messages.update(holder.id, { externalId: null, status: 'queued' }, now);
  return true;
}
