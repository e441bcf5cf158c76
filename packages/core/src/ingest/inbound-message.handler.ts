import type { InboundAttachment, InboundMessageEvent } from '../channels/channel.types.ts';
import { scheduleMediaDownload } from '../jobs/job.schedules.ts';
import { scheduleAssignmentDrain } from '../assignment/assignment.usecases.ts';
import type { Message, MessageAttachment } from '../messages/message.types.ts';
import { previewOf } from '../messages/message.rules.ts';
import type { Repositories } from '../ports/repositories.ts';
import { addMilliseconds } from '../shared/instant.ts';
import { subjectFrom } from '../tickets/ticket.rules.ts';
import { reopensFinishedTicket } from '../tickets/reopen.rules.ts';
import { getThreadingSettings } from '../tickets/threading-settings.usecases.ts';
import type { Ticket, TicketStatus, TicketView } from '../tickets/ticket.types.ts';
import { resolveIdentity } from './customer-resolution.ts';
import { suggestFromMessage } from '../customers/suggestion-steps.ts';
import { emotionOf, raisePriorityOnEmotion } from './emotion-on-ingest.ts';
import { ingestReviewAnswer } from './review-answer.ts';
import { learnFromMessage } from './profile-on-ingest.ts';
import { teamForChannel } from '../teams/channel-routing.usecases.ts';
import type { IngestContext, TxContext } from './tx-context.ts';

export interface IngestResult {
  message: Message;
  ticket: TicketView;
  /** True when this delivery had been stored before (or was the echo of our own send): nothing new. */
  duplicate: boolean;
  ticketCreated: boolean;
}

/** How long an echo may take to arrive and still be matched to our unconfirmed send by its text. */
const ECHO_CLAIM_WINDOW_MS = 5 * 60 * 1000;

/** A customer writing again means a ticket waiting on them needs us again. */
const reopenedByCustomer: readonly TicketStatus[] = ['pending'];

/**
 * Stores one inbound message: the customer's words, or an echo of something the business sent from
 * the channel's own app. Deduplicated on (channel, external id) by the unique key.
 */
export async function handleInboundMessage(ctx: IngestContext, event: InboundMessageEvent): Promise<IngestResult> {
  const { tx, emit, now } = ctx;
  const known = await tx.messages.findByExternalId(event.channel, event.externalMessageId);
  if (known) return duplicateResult(tx, known);

  const { identity, firstContact } = await resolveIdentity(ctx, event);
  const reviewAnswer = await ingestReviewAnswer(ctx, event, identity);
  if (reviewAnswer) return reviewAnswer;
  const fromCustomer = event.author !== 'business_app';
  const { ticket, created: ticketCreated } = await activeTicketFor(ctx, identity.customerId, event, fromCustomer);

  if (!fromCustomer) {
    // The echo of our own send can beat the send response (case 36): claim our message instead of copying it.
    const ours = await tx.messages.findUnconfirmedOutbound(ticket.id, event.channel, event.body, addMilliseconds(now, -ECHO_CLAIM_WINDOW_MS));
    if (ours) {
      const claimed = await tx.messages.update(ours.id, { externalId: event.externalMessageId, status: ours.status === 'queued' ? 'sent' : ours.status }, now);
      emit({ type: 'message.status', ticketId: ticket.id, customerId: identity.customerId, payload: { messageId: claimed.id, ticketId: ticket.id, status: claimed.status, error: null } });
      return duplicateResult(tx, claimed);
    }
  }

  const message = await tx.messages.insertIfAbsent(
    {
      ticketId: ticket.id,
      direction: fromCustomer ? 'in' : 'out',
      authorKind: fromCustomer ? 'customer' : 'agent',
      channel: event.channel,
      identityId: identity.id,
      externalId: event.externalMessageId,
      body: event.body,
      attachments: (event.attachments ?? []).map(toStoredAttachment),
      status: fromCustomer ? 'received' : 'sent',
      sentAt: event.sentAt,
      via: fromCustomer ? null : event.channel === 'instagram' ? 'instagram_app' : 'whatsapp_business_app',
      replyToExternalId: event.replyToExternalId ?? null,
      context: event.context ?? null,
      placeholder: event.placeholder ?? null,
      emotion: emotionOf(event, fromCustomer),
    },
    now,
  );
  // Only reachable when a concurrent delivery won the unique key between our check and insert.
  if (!message) return duplicateResult(tx, (await tx.messages.findByExternalId(event.channel, event.externalMessageId))!);
  for (const [index, attachment] of message.attachments.entries()) {
    if (attachment.state === 'pending') await scheduleMediaDownload(tx, { messageId: message.id, index }, now);
  }

  if (fromCustomer && (!identity.lastInboundAt || event.sentAt > identity.lastInboundAt)) await tx.identities.touchInbound(identity.id, event.sentAt);
  // A message the channel delivers late (older than one we already have) must not become the preview.
  const arrivedLate = fromCustomer && identity.lastInboundAt !== null && event.sentAt < identity.lastInboundAt;
  const preview = arrivedLate ? null : previewOf(event.body || previewFor(event));
  // An echo typed in the channel's own app moves the conversation on but is not our console's answer.
  const recorded = fromCustomer
    ? await tx.tickets.recordInbound(ticket.id, { at: now, channel: event.channel, preview, reopen: reopenedByCustomer }, now)
    : await tx.tickets.recordActivity(ticket.id, { at: now, preview: preview ?? ticket.lastMessagePreview }, now);
  const updated = await raisePriorityOnEmotion(ctx, message, recorded);
  const learned = fromCustomer ? await learnFromMessage(ctx, identity.customerId, message, ticketCreated) : null;
  // The customer's brief on the ticket changed with what was learned: read the view afresh then.
  const view = learned ? (await tx.tickets.findView(updated.id))! : await viewOf(tx, ticket, updated);
  if (fromCustomer && message.body) {
    await suggestFromMessage(ctx, { ticketId: view.id, customerId: view.customerId, messageId: message.id, body: message.body, channel: event.channel, firstContact, customerName: view.customer.name });
  }
  // A new ticket of an automatic team waits for the drain, scheduled in this transaction so it cannot be lost.
  if (ticketCreated && view.teamId !== null) await scheduleAssignmentDrain(tx, view.teamId, `ticket:${view.id}`, now);
  if (ticketCreated) emit({ type: 'ticket.created', ticketId: view.id, customerId: identity.customerId, payload: { ticket: view } });
  else if (updated.priority !== recorded.priority || learned) {
    const changes = [...(updated.priority !== recorded.priority ? ['priority'] : []), ...(learned ? ['customer'] : [])];
    emit({ type: 'ticket.updated', ticketId: view.id, customerId: identity.customerId, payload: { ticket: view, changes } });
  }
  emit({ type: 'message.created', ticketId: view.id, customerId: identity.customerId, payload: { message, ticket: view } });
  // A customer message starts (or restarts) a response clock; an echo typed in the channel's app stops one.
  ctx.clocksDue.add(view.id);
  return { message, ticket: view, duplicate: false, ticketCreated };
}

/**
 * The customer's active ticket; else, for a customer's message, their last finished ticket reopened when
 * it was resolved within the reopen window; else a new ticket linked to that finished one. Two deliveries
 * racing to open one both try; the unique constraint (or the reopen's own condition) lets one win and the
 * other threads into the winner's ticket.
 */
async function activeTicketFor(ctx: TxContext, customerId: number, event: InboundMessageEvent, fromCustomer: boolean): Promise<{ ticket: Ticket | TicketView; created: boolean }> {
  const { tx, now } = ctx;
  const active = await tx.tickets.findActiveForCustomer(customerId);
  if (active) return { ticket: active, created: false };
  const finished = await tx.tickets.findLatestFinishedForCustomer(customerId);
  // An echo typed in the channel's own app is the business talking: it never reopens a finished issue.
  // Measured at arrival, on the server's clock like the resolution time: channel timestamps are whole
  // seconds and a device's clock may be off, either of which would misplace the boundary.
  if (finished && fromCustomer && reopensFinishedTicket(finished, now, (await getThreadingSettings(tx)).reopenDays)) {
    const reopened = await tx.tickets.reopenFinished(finished.id, now);
    if (reopened) return { ticket: reopened, created: false };
    return { ticket: await winnerOf(ctx, customerId), created: false };
  }
  // A routed channel opens its tickets in its team; otherwise the default team is chosen in the insert.
  const teamId = await teamForChannel(tx, event.channel);
  const subject = subjectFrom(event.body || previewFor(event));
  const opened = await tx.tickets.createActiveIfAbsent({ customerId, subject, channel: event.channel, teamId, previousTicketId: finished?.id ?? null }, now);
  if (opened) return { ticket: opened, created: true };
  return { ticket: await winnerOf(ctx, customerId), created: false };
}

async function winnerOf({ tx }: TxContext, customerId: number): Promise<TicketView> {
  const winner = await tx.tickets.findActiveForCustomer(customerId);
  if (!winner) throw new Error(`Customer ${customerId} has an active ticket that cannot be read`);
  return winner;
}

/**
 * The updated ticket as a view. The active ticket was read with its customer and assignee already, so
 * one more query is needed only for a ticket just opened, or one whose assignee changed meanwhile.
 */
async function viewOf(tx: Repositories, before: Ticket | TicketView, updated: Ticket): Promise<TicketView> {
  if ('customer' in before && (before.assignee?.id ?? null) === updated.assigneeId) return { ...updated, customer: before.customer, assignee: before.assignee };
  return (await tx.tickets.findView(updated.id))!;
}

/** A stand-in preview for messages without text (a photo, a location, something the channel cannot show). */
function previewFor(event: InboundMessageEvent): string {
  if (event.placeholder) return `[${event.placeholder}]`;
  const kinds = (event.attachments ?? []).map((attachment) => attachment.kind);
  return kinds.length > 0 ? `[${kinds.join(', ')}]` : '';
}

/** Channel media start as references, downloaded after the commit so the webhook answers fast. */
function toStoredAttachment(attachment: InboundAttachment): MessageAttachment {
  const fetchable = Boolean(attachment.externalRef);
  return {
    kind: attachment.kind,
    mimeType: attachment.mimeType ?? null,
    caption: attachment.caption ?? null,
    filename: attachment.filename ?? null,
    ...(attachment.data ? { data: attachment.data } : {}),
    ...(fetchable ? { state: 'pending' as const, externalRef: attachment.externalRef ?? null, sha256: attachment.sha256 ?? null } : {}),
  };
}

async function duplicateResult(tx: Repositories, message: Message): Promise<IngestResult> {
  const ticket = await tx.tickets.findView(message.ticketId);
  if (!ticket) throw new Error(`Message ${message.id} points at missing ticket ${message.ticketId}`);
  return { message, ticket, duplicate: true, ticketCreated: false };
}
