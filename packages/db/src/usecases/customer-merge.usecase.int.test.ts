import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestMessage, mergeCustomers, replyToTicket, requestReview, unmergeCustomers, type CoreDeps, type InboundMessageEvent } from '@keluh/core';
import { fakeClock, recordingPublisher, T0 } from '../testing/fixtures.ts';
import { readTableRows } from '../testing/table-rows.ts';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const everyone = { userId: 1, scope: { kind: 'all' } as const };
let seq = 0;
const inbound = (channel: InboundMessageEvent['channel'], externalId: string, body: string, extra: Partial<InboundMessageEvent['sender']> = {}): InboundMessageEvent => ({
  kind: 'message',
  channel,
  externalMessageId: `${channel}.${++seq}`,
  sender: { externalId, displayName: 'Sari Dewi', ...extra },
  body,
  sentAt: T0,
});

/** The rows a merge and its undo touch, without the columns that only count changes. */
async function snapshot(db: TestDatabase) {
  return {
    customers: await readTableRows(db, 'customers', ['updated_at']),
    identities: await readTableRows(db, 'identities'),
    tickets: await readTableRows(db, 'tickets', ['updated_at', 'version']),
    messages: await readTableRows(db, 'messages', ['updated_at']),
  };
}

describe('merging two customers and undoing it', () => {
  let db: TestDatabase;
  let deps: CoreDeps;
  beforeEach(async () => {
    db = await openTestDatabase();
    deps = { db, clock: fakeClock(), events: recordingPublisher() };
    await db.users.insertIfAbsent({ email: 'agent@k.id', name: 'Agen Satu', role: 'agent', passwordHash: 'h' }, T0);
  });
  afterEach(() => db.close());

  /** Sari on WhatsApp and, unlinked, on Instagram: each with an active ticket, a message and our reply. */
  async function sariTwice() {
    const wa = await ingestMessage(deps, inbound('whatsapp', '6281234567890', 'Paket saya belum sampai', { phone: '+6281234567890', verified: true }));
    await replyToTicket(deps, { ticketId: wa.ticket.id, authorUserId: 1, body: 'Kami cek dulu ya' });
    const ig = await ingestMessage(deps, inbound('instagram', '17841400000001', 'Halo, ini Sari yang tadi di WA'));
    await replyToTicket(deps, { ticketId: ig.ticket.id, authorUserId: 1, body: 'Halo Kak Sari' });
    return { wa, ig };
  }

  it('every message records the identity it came through, and every reply and review request the identity it goes to', async () => {
    const { wa } = await sariTwice();
    const [identity] = await db.identities.listForCustomer(wa.ticket.customerId);
    await requestReview(deps, { ticketId: wa.ticket.id, requestedBy: 1 });
    const messages = await db.messages.listForTicket(wa.ticket.id);
    expect(messages.map((message) => [message.direction, message.automated, message.identityId])).toEqual([
      ['in', false, identity!.id],
      ['out', false, identity!.id],
      ['out', true, identity!.id],
    ]);
  });

  it('folds the two active tickets into one, then the undo restores every row, and a message sent meanwhile goes with its identity', async () => {
    const { wa, ig } = await sariTwice();
    const before = await snapshot(db);
    const merge = await mergeCustomers(deps, { survivorId: wa.ticket.customerId, mergedId: ig.ticket.customerId, actor: everyone });

    expect(merge.moved.folded).toMatchObject({ fromTicketId: ig.ticket.id, intoTicketId: wa.ticket.id, statusBefore: 'open' });
    expect(await db.tickets.findById(ig.ticket.id)).toMatchObject({ status: 'closed', mergedIntoTicketId: wa.ticket.id, customerId: wa.ticket.customerId });
    expect((await db.messages.listForTicket(wa.ticket.id)).map((message) => message.body).sort()).toEqual(['Halo Kak Sari', 'Halo, ini Sari yang tadi di WA', 'Kami cek dulu ya', 'Paket saya belum sampai']);
    expect((await db.identities.listForCustomer(wa.ticket.customerId)).map((identity) => identity.channel)).toEqual(['whatsapp', 'instagram']);
    expect((await db.customers.findById(ig.ticket.customerId))?.mergedIntoId).toBe(wa.ticket.customerId);
    // The one ticket's row speaks of the conversation it now holds: the latest message is Instagram's reply.
    expect(await db.tickets.findById(wa.ticket.id)).toMatchObject({ lastMessagePreview: 'Halo Kak Sari', lastChannel: 'instagram', unreadCount: 0 });

    // While merged, Sari writes on Instagram (threading into the one ticket) and on WhatsApp.
    const meanwhileIg = await ingestMessage(deps, inbound('instagram', '17841400000001', 'Sudah ada kabar?'));
    const meanwhileWa = await ingestMessage(deps, inbound('whatsapp', '6281234567890', 'Halo?', { phone: '+6281234567890', verified: true }));
    expect(meanwhileIg.ticket.id).toBe(wa.ticket.id);

    const undone = await unmergeCustomers(deps, { mergeId: merge.id, actor: everyone });
    expect(undone.undoneAt).not.toBeNull();
    const after = await snapshot(db);
    const without = (rows: Record<string, unknown>[], ids: number[]) => rows.filter((row) => !ids.includes(Number(row.id)));
    expect(after.customers).toEqual(before.customers);
    expect(after.identities.map(({ last_inbound_at: _, ...row }) => row)).toEqual(before.identities.map(({ last_inbound_at: _, ...row }) => row));
    expect(after.tickets.map(({ last_message_at: _a, last_message_preview: _b, last_inbound_at: _c, unread_count: _d, ...row }) => row)).toEqual(
      before.tickets.map(({ last_message_at: _a, last_message_preview: _b, last_inbound_at: _c, unread_count: _d, ...row }) => row),
    );
    expect(without(after.messages, [meanwhileIg.message.id, meanwhileWa.message.id])).toEqual(before.messages);
    expect((await db.messages.findById(meanwhileIg.message.id))?.ticketId).toBe(ig.ticket.id);
    expect((await db.messages.findById(meanwhileWa.message.id))?.ticketId).toBe(wa.ticket.id);
    // Each ticket's row is its own conversation's again, with the message written meanwhile unread.
    expect(await db.tickets.findById(ig.ticket.id)).toMatchObject({ lastMessagePreview: 'Sudah ada kabar?', lastChannel: 'instagram', unreadCount: 1 });
    expect(await db.tickets.findById(wa.ticket.id)).toMatchObject({ lastMessagePreview: 'Halo?', lastChannel: 'whatsapp', unreadCount: 1 });
  });

  it('announces the merge and its undo on every ticket they touched', async () => {
    const { wa, ig } = await sariTwice();
    const published = (deps.events as ReturnType<typeof recordingPublisher>).published;
    const merge = await mergeCustomers(deps, { survivorId: wa.ticket.customerId, mergedId: ig.ticket.customerId, actor: everyone });
    await unmergeCustomers(deps, { mergeId: merge.id, actor: everyone });
    const announced = (type: string) => published.filter((event) => event.type === type).map((event) => event.ticketId).sort();
    expect(announced('customer.merged')).toEqual([wa.ticket.id, ig.ticket.id].sort());
    expect(announced('customer.unmerged')).toEqual([wa.ticket.id, ig.ticket.id].sort());
  });

  it('refuses a merge into oneself, a missing customer, an ongoing merge, a second undo and an undo out of order, changing nothing', async () => {
    const { wa, ig } = await sariTwice();
    const third = await ingestMessage(deps, inbound('webchat', 'visitor-9', 'Saya Budi'));
    const [a, b, c] = [wa.ticket.customerId, ig.ticket.customerId, third.ticket.customerId];
    const refused = (promise: Promise<unknown>) => promise.then(() => 'merged', (error: { code?: string }) => error.code);

    let before = await snapshot(db);
    expect(await refused(mergeCustomers(deps, { survivorId: a, mergedId: a, actor: everyone }))).toBe('customer.merge_self');
    expect(await refused(mergeCustomers(deps, { survivorId: a, mergedId: 9999, actor: everyone }))).toBe('customer.not_found');
    expect(await snapshot(db)).toEqual(before);

    const first = await mergeCustomers(deps, { survivorId: a, mergedId: b, actor: everyone });
    before = await snapshot(db);
    expect(await refused(mergeCustomers(deps, { survivorId: c, mergedId: b, actor: everyone }))).toBe('customer.already_merged');
    expect(await refused(mergeCustomers(deps, { survivorId: b, mergedId: c, actor: everyone }))).toBe('customer.already_merged');
    expect(await snapshot(db)).toEqual(before);

    const later = await mergeCustomers(deps, { survivorId: c, mergedId: a, actor: everyone });
    before = await snapshot(db);
    expect(await refused(unmergeCustomers(deps, { mergeId: first.id, actor: everyone }))).toBe('customer.merge_not_latest');
    expect(await snapshot(db)).toEqual(before);

    await unmergeCustomers(deps, { mergeId: later.id, actor: everyone });
    before = await snapshot(db);
    expect(await refused(unmergeCustomers(deps, { mergeId: later.id, actor: everyone }))).toBe('customer.merge_undone');
    expect(await snapshot(db)).toEqual(before);
    expect(await refused(unmergeCustomers(deps, { mergeId: first.id, actor: everyone }))).toBe('merged');
  });

  it('of two merges racing for one customer, one wins and the other is refused', async () => {
    const { wa, ig } = await sariTwice();
    const third = await ingestMessage(deps, inbound('webchat', 'visitor-9', 'Saya Budi'));
    const other = { db: await (await import('../testing/test-database.ts')).reopenTestDatabase(db.url), clock: fakeClock(), events: recordingPublisher() };
    try {
      const results = await Promise.allSettled([
        mergeCustomers(deps, { survivorId: wa.ticket.customerId, mergedId: ig.ticket.customerId, actor: everyone }),
        mergeCustomers(other, { survivorId: third.ticket.customerId, mergedId: ig.ticket.customerId, actor: everyone }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'customer.already_merged' } });
      expect(await readTableRows(db, 'customer_merges')).toHaveLength(1);
    } finally {
      await other.db.close();
    }
  });

  it('two agents merging the same pair each way at once: one merge wins, neither deadlocks', async () => {
    const { wa, ig } = await sariTwice();
    const other = { db: await (await import('../testing/test-database.ts')).reopenTestDatabase(db.url), clock: fakeClock(), events: recordingPublisher() };
    try {
      const results = await Promise.allSettled([
        mergeCustomers(deps, { survivorId: wa.ticket.customerId, mergedId: ig.ticket.customerId, actor: everyone }),
        mergeCustomers(other, { survivorId: ig.ticket.customerId, mergedId: wa.ticket.customerId, actor: everyone }),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'customer.already_merged' } });
      const customers = await readTableRows(db, 'customers');
      expect(customers.filter((row) => row.merged_into_id !== null)).toHaveLength(1);
    } finally {
      await other.db.close();
    }
  });

  it('hides customers whose tickets the agent may not see', async () => {
    const { wa, ig } = await sariTwice();
    const elsewhere = { userId: 1, scope: { kind: 'teams', teamIds: [999] } as const };
    await expect(mergeCustomers(deps, { survivorId: wa.ticket.customerId, mergedId: ig.ticket.customerId, actor: elsewhere })).rejects.toMatchObject({ code: 'customer.not_found' });
  });
});
