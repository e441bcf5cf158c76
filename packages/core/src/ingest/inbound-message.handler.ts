import type { InboundAttachment, InboundMessageEvent } from '../channels/channel.types.ts';
import type { Message, MessageAttachment } from '../messages/message.types.ts';
import { previewOf } from '../messages/message.rules.ts';
import type { Repositories } from '../ports/repositories.ts';
import { addMilliseconds } from '../shared/instant.ts';
import { subjectFrom } from '../tickets/ticket.rules.ts';
import type { Ticket, TicketView } from '../tickets/ticket.types.ts';
import { resolveIdentity } from './customer-resolution.ts';
import type { TxContext } from './tx-context.ts';

export interface IngestResult {
  message: Message;
  ticket: TicketView;
  /** True when this delivery had been stored before (or was the echo of our own send): nothing new. */
  duplicate: boolean;
  ticketCreated: boolean;
}

/** How long an echo may take to arrive and still be matched to our unconfirmed send by its text. */
const ECHO_CLAIM_WINDOW_MS = 5 * 60 * 1000;

/**
 * Stores one inbound message: the customer's words, or an echo of something the business sent from
 * the channel's own app. Deduplicated on (channel, external id) by the unique key.
 */
export async function handleInboundMessage(ctx: TxContext, event: InboundMessageEvent): Promise<IngestResult> {
  const { tx, emit, now } = ctx;
  const known = await tx.messages.findByExternalId(event.channel, event.externalMessageId);
  if (known) return duplicateResult(tx, known);

  const identity = await resolveIdentity(ctx, event);
  const fromCustomer = event.author !== 'business_app';
  let ticket = await tx.tickets.findActiveForCustomer(identity.customerId);
  const ticketCreated = ticket === null;
  ticket ??= await tx.tickets.create({ customerId: identity.customerId, subject: subjectFrom(event.body || previewFor(event)), channel: event.channel }, now);

  if (!fromCustomer) {
    // The echo of our own send can beat the send response (case 36): claim our message instead of copying it.
    const ours = await tx.messages.findUnconfirmedOutbound(ticket.id, event.channel, event.body, addMilliseconds(now, -ECHO_CLAIM_WINDOW_MS));
    if (ours) {
      const claimed = await tx.messages.update(ours.id, { externalId: event.externalMessageId, status: ours.status === 'queued' ? 'sent' : ours.status }, now);
      await emit({ type: 'message.status', ticketId: ticket.id, customerId: identity.customerId, payload: { messageId: claimed.id, ticketId: ticket.id, status: claimed.status, error: null } });
      return duplicateResult(tx, claimed);
    }
  }

  const message = await tx.messages.insertIfAbsent(
    {
      ticketId: ticket.id,
      direction: fromCustomer ? 'in' : 'out',
      authorKind: fromCustomer ? 'customer' : 'agent',
      channel: event.channel,
      externalId: event.externalMessageId,
      body: event.body,
      attachments: (event.attachments ?? []).map(toStoredAttachment),
      status: fromCustomer ? 'received' : 'sent',
      sentAt: event.sentAt,
      via: fromCustomer ? null : event.channel === 'instagram' ? 'instagram_app' : 'whatsapp_business_app',
      replyToExternalId: event.replyToExternalId ?? null,
      context: event.context ?? null,
      placeholder: event.placeholder ?? null,
    },
    now,
  );
  // Only reachable when a concurrent delivery won the unique key between our check and insert.
  if (!message) return duplicateResult(tx, (await tx.messages.findByExternalId(event.channel, event.externalMessageId))!);

  if (fromCustomer && (!identity.lastInboundAt || event.sentAt > identity.lastInboundAt)) await tx.identities.touchInbound(identity.id, event.sentAt);
  // A message the channel delivers late (older than one we already have) must not become the preview.
  const arrivedLate = fromCustomer && identity.lastInboundAt !== null && event.sentAt < identity.lastInboundAt;
  const updated = await tx.tickets.update(ticket.id, ticketChanges(ticket, event, fromCustomer, arrivedLate, now), now);
  const view = (await tx.tickets.findView(updated.id))!;
  if (ticketCreated) await emit({ type: 'ticket.created', ticketId: view.id, customerId: identity.customerId, payload: { ticket: view } });
  await emit({ type: 'message.created', ticketId: view.id, customerId: identity.customerId, payload: { message, ticket: view } });
  return { message, ticket: view, duplicate: false, ticketCreated };
}

function ticketChanges(ticket: Ticket, event: InboundMessageEvent, fromCustomer: boolean, arrivedLate: boolean, now: string) {
  const activity = { lastMessageAt: now, lastMessagePreview: arrivedLate ? ticket.lastMessagePreview : previewOf(event.body || previewFor(event)) };
  if (!fromCustomer) return activity;
  return {
    ...activity,
    lastChannel: event.channel,
    unreadCount: ticket.unreadCount + 1,
    lastInboundAt: now,
    // A customer writing again means the ticket needs us again.
    status: ticket.status === 'pending' ? ('open' as const) : ticket.status,
  };
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
