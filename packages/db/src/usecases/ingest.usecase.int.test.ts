import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ingestMessage,
  replyToTicket,
  updateTicket,
  type CoreDeps,
  type InboundMessageEvent,
} from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, T0 } from '../testing/fixtures.ts';

const whatsapp = (externalMessageId: string, body = 'Paket saya belum sampai', from = '6281234567'): InboundMessageEvent => ({
  kind: 'message',
  channel: 'whatsapp',
  externalMessageId,
  sender: { externalId: from, displayName: 'Sari', phone: `+${from}`, verified: true },
  body,
  sentAt: T0,
});

describe('taking customer messages in, against real SQLite', () => {
  let deps: CoreDeps & { events: ReturnType<typeof recordingPublisher>; clock: ReturnType<typeof fakeClock> };
  beforeEach(async () => {
    deps = { db: await freshDb(), clock: fakeClock(), events: recordingPublisher() };
  });
  afterEach(() => deps.db.close());

  it('the first message from a stranger creates a customer, an identity and a ticket', async () => {
    const result = await ingestMessage(deps, whatsapp('wamid.1'));
    expect(result).toMatchObject({ duplicate: false, ticketCreated: true });
    expect(result.ticket).toMatchObject({ status: 'open', unreadCount: 1, lastMessagePreview: 'Paket saya belum sampai', customer: { name: 'Sari' } });
    const identities = await deps.db.identities.listForCustomer(result.ticket.customerId);
    expect(identities).toMatchObject([{ channel: 'whatsapp', externalId: '6281234567', verified: true }]);
  });

  it('the same delivery twice stores one message and reports the second as a duplicate', async () => {
    const first = await ingestMessage(deps, whatsapp('wamid.1'));
    const published = deps.events.published.length;
    const again = await ingestMessage(deps, whatsapp('wamid.1'));
    expect(again).toMatchObject({ duplicate: true, ticketCreated: false, message: { id: first.message.id } });
    expect(await deps.db.messages.listForTicket(first.ticket.id)).toHaveLength(1);
    expect(deps.events.published).toHaveLength(published);
    expect((await deps.db.tickets.findById(first.ticket.id))?.unreadCount).toBe(1);
  });

  it('a second message from the same sender joins their open ticket', async () => {
    const first = await ingestMessage(deps, whatsapp('wamid.1'));
    const second = await ingestMessage(deps, whatsapp('wamid.2', 'Nomor pesanan 123'));
    expect(second).toMatchObject({ duplicate: false, ticketCreated: false, ticket: { id: first.ticket.id, unreadCount: 2 } });
    expect((await deps.db.messages.listForTicket(first.ticket.id)).map((m) => m.body)).toEqual(['Paket saya belum sampai', 'Nomor pesanan 123']);
  });

  it('after the ticket is resolved and the reopen window has passed, a new message opens a new ticket for the same customer', async () => {
    const first = await ingestMessage(deps, whatsapp('wamid.1'));
    await updateTicket(deps, first.ticket.id, { status: 'resolved' });
    deps.clock.advance(7 * 24 * 60 * 60 * 1000);
    const next = await ingestMessage(deps, whatsapp('wamid.2', 'Ada masalah lain'));
    expect(next.ticketCreated).toBe(true);
    expect(next.ticket.id).not.toBe(first.ticket.id);
    expect(next.ticket.customerId).toBe(first.ticket.customerId);
    expect((await deps.db.tickets.findById(first.ticket.id))?.status).toBe('resolved');
  });

  it("an agent's reply is queued in the outbox in the same commit as the message", async () => {
    const agent = await deps.db.users.create({ email: 'dewi@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
    const { ticket } = await ingestMessage(deps, whatsapp('wamid.1'));
    const reply = await replyToTicket(deps, { ticketId: ticket.id, authorUserId: agent.id, body: 'Mohon maaf, kami cek dulu' });
    expect(reply).toMatchObject({ direction: 'out', status: 'queued', channel: 'whatsapp', authorName: 'Dewi', externalId: null });
    const due = await deps.db.outbox.listPending(10);
    expect(due).toMatchObject([{ messageId: reply.id, channel: 'whatsapp', state: 'pending', attempts: 0 }]);
    expect(await deps.db.tickets.findById(ticket.id)).toMatchObject({ unreadCount: 0, firstResponseAt: reply.sentAt });
  });

  it('events are appended in order and published only after commit, exactly as stored', async () => {
    const agent = await deps.db.users.create({ email: 'dewi@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
    const { ticket } = await ingestMessage(deps, whatsapp('wamid.1'));
    await ingestMessage(deps, whatsapp('wamid.2'));
    await replyToTicket(deps, { ticketId: ticket.id, authorUserId: agent.id, body: 'Baik' });
    const stored = await deps.db.events.listAfter(0, { limit: 100 });
    expect(stored.map((e) => e.type)).toEqual(['ticket.created', 'message.created', 'message.created', 'message.created']);
    expect(stored.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(deps.events.published).toEqual(stored);
    expect(stored.every((e) => e.customerId === ticket.customerId && e.ticketId === ticket.id)).toBe(true);
  });

  it('a reply to a ticket that does not exist stores nothing and publishes nothing', async () => {
    await expect(replyToTicket(deps, { ticketId: 404, authorUserId: 1, body: 'Halo' })).rejects.toMatchObject({ code: 'ticket.not_found' });
    expect(await deps.db.events.latestId()).toBe(0);
    expect(deps.events.published).toEqual([]);
  });

  it('messages arriving at the same moment from different senders all land, each in its own ticket', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => ingestMessage(deps, whatsapp(`wamid.${i}`, `Pesan ${i}`, `62800${i}`))),
    );
    expect(new Set(results.map((r) => r.ticket.id)).size).toBe(5);
    expect((await deps.db.tickets.list({ limit: 10 })).items).toHaveLength(5);
  });

  it('the same delivery arriving twice at once is stored once', async () => {
    const [a, b] = await Promise.all([ingestMessage(deps, whatsapp('wamid.1')), ingestMessage(deps, whatsapp('wamid.1'))]);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(a.message.id).toBe(b.message.id);
    expect(await deps.db.messages.listForTicket(a.ticket.id)).toHaveLength(1);
  });
});
