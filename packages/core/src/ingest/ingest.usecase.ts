import type { InboundMessageEvent, InboundStatusEvent } from '../channels/channel.types.ts';
import { displayNameFor } from '../customers/customer.rules.ts';
import type { Message } from '../messages/message.types.ts';
import { nextDeliveryStatus, previewOf } from '../messages/message.rules.ts';
import type { Repositories } from '../ports/repositories.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { subjectFrom } from '../tickets/ticket.rules.ts';
import type { Ticket, TicketView } from '../tickets/ticket.types.ts';

export interface IngestResult {
  message: Message;
  ticket: TicketView;
  /** True when this delivery had been stored before: nothing changed. */
  duplicate: boolean;
  ticketCreated: boolean;
}

/**
 * Takes one inbound customer message into the help desk: dedupe on (channel, external id), find or
 * create the customer by identity, thread into their active ticket or open a new one, store the
 * message and append the events — in one transaction, so a retry after a crash never half-applies.
 */
export async function ingestMessage(deps: CoreDeps, event: InboundMessageEvent): Promise<IngestResult> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const known = await tx.messages.findByExternalId(event.channel, event.externalMessageId);
    if (known) return duplicateResult(tx, known);

    const customerId = await resolveCustomer(tx, event, now);
    let ticket = await tx.tickets.findActiveForCustomer(customerId);
    const ticketCreated = ticket === null;
    ticket ??= await tx.tickets.create({ customerId, subject: subjectFrom(event.body), channel: event.channel }, now);

    const message = await tx.messages.insertIfAbsent(
      {
        ticketId: ticket.id,
        direction: 'in',
        authorKind: 'customer',
        channel: event.channel,
        externalId: event.externalMessageId,
        body: event.body,
        attachments: (event.attachments ?? []).map((a) => ({
          kind: a.kind,
          mimeType: a.mimeType ?? null,
          caption: a.caption ?? null,
          ...(a.data ? { data: a.data } : {}),
        })),
        status: 'received',
        sentAt: event.sentAt,
      },
      now,
    );
    // Only reachable when a concurrent delivery won the unique key between our check and insert.
    if (!message) return duplicateResult(tx, await mustFindExternal(tx, event));

    const updated = await tx.tickets.update(
      ticket.id,
      {
        lastChannel: event.channel,
        unreadCount: ticket.unreadCount + 1,
        lastMessageAt: now,
        lastMessagePreview: previewOf(event.body),
        lastInboundAt: now,
        // A customer writing again means the ticket needs us again.
        status: ticket.status === 'pending' ? 'open' : ticket.status,
      },
      now,
    );
    const view = await mustView(tx, updated);
    if (ticketCreated) {
      await emit({ type: 'ticket.created', ticketId: view.id, customerId, payload: { ticket: view } });
    }
    await emit({ type: 'message.created', ticketId: view.id, customerId, payload: { message, ticket: view } });
    return { message, ticket: view, duplicate: false, ticketCreated };
  });
}

/** Applies a channel's delivery status to one of our outbound messages; statuses only move forward. */
export async function applyDeliveryStatus(deps: CoreDeps, event: InboundStatusEvent): Promise<Message | null> {
  return commit(deps, async (tx, emit) => {
    const message = await tx.messages.findByExternalId(event.channel, event.externalMessageId);
    if (!message || message.direction !== 'out') return null;
    const next = nextDeliveryStatus(message.status, event.status);
    if (!next) return message;
    const updated = await tx.messages.update(
      message.id,
      { status: next, error: next === 'failed' ? (event.error ?? { code: 'unknown', reason: 'Delivery failed' }) : null },
      deps.clock.now(),
    );
    const ticket = await tx.tickets.findById(message.ticketId);
    await emit({
      type: 'message.status',
      ticketId: message.ticketId,
      customerId: ticket?.customerId ?? null,
      payload: { messageId: updated.id, ticketId: updated.ticketId, status: updated.status, error: updated.error },
    });
    return updated;
  });
}

async function resolveCustomer(tx: Repositories, event: InboundMessageEvent, now: string): Promise<number> {
  const identity = await tx.identities.findByExternalId(event.channel, event.sender.externalId);
  if (identity) return identity.customerId;
  const customer = await tx.customers.create(
    {
      name: displayNameFor(event.channel, event.sender),
      email: event.sender.email ?? null,
      phone: event.sender.phone ?? null,
    },
    now,
  );
  await tx.identities.create(
    {
      customerId: customer.id,
      channel: event.channel,
      externalId: event.sender.externalId,
      displayName: event.sender.displayName ?? null,
      verified: event.sender.verified ?? false,
    },
    now,
  );
  return customer.id;
}

async function duplicateResult(tx: Repositories, message: Message): Promise<IngestResult> {
  const ticket = await tx.tickets.findView(message.ticketId);
  if (!ticket) throw new Error(`Message ${message.id} points at missing ticket ${message.ticketId}`);
  return { message, ticket, duplicate: true, ticketCreated: false };
}

async function mustFindExternal(tx: Repositories, event: InboundMessageEvent): Promise<Message> {
  const message = await tx.messages.findByExternalId(event.channel, event.externalMessageId);
  if (!message) throw new Error('Unique conflict without a stored message');
  return message;
}

async function mustView(tx: Repositories, ticket: Ticket): Promise<TicketView> {
  const view = await tx.tickets.findView(ticket.id);
  if (!view) throw new Error(`Ticket ${ticket.id} vanished inside its own transaction`);
  return view;
}
