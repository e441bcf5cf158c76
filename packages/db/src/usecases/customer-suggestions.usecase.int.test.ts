import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  confirmSuggestion,
  ingestMessage,
  listTicketSuggestions,
  rejectSuggestion,
  seedDefaultCategories,
  setTicketFact,
  unmergeCustomers,
  updateWorkflow,
  type CoreDeps,
  type InboundMessageEvent,
  type InboundSender,
} from '@keluh/core';
import { fakeClock, recordingPublisher, T0 } from '../testing/fixtures.ts';
import { readTableRows } from '../testing/table-rows.ts';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let seq = 0;
const from = (channel: InboundMessageEvent['channel'], sender: InboundSender, body: string): InboundMessageEvent => ({ kind: 'message', channel, externalMessageId: `${channel}.${++seq}`, sender, body, sentAt: T0 });
const all = { kind: 'all' } as const;

describe('probable matches are suggested on the ticket, never merged by themselves', () => {
  let db: TestDatabase;
  let deps: CoreDeps;
  let actor: { userId: number; scope: typeof all };
  beforeEach(async () => {
    db = await openTestDatabase();
    deps = { db, clock: fakeClock(), events: recordingPublisher() };
    const agent = await db.users.create({ email: 'dewi@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
    actor = { userId: agent.id, scope: all };
  });
  afterEach(() => db.close());

  const sariOnWhatsApp = () => ingestMessage(deps, from('whatsapp', { externalId: '6281234567890', phone: '6281234567890', verified: true, displayName: 'Sari' }, 'Paket belum sampai'));

  it('a number typed on Instagram that a WhatsApp customer is known by is suggested; confirming merges them', async () => {
    const wa = await sariOnWhatsApp();
    const ig = await ingestMessage(deps, from('instagram', { externalId: '1784001' }, 'Ini Sari, nomor WA saya 0812-3456-7890'));
    expect(ig.ticket.customerId).not.toBe(wa.ticket.customerId);
    expect(await readTableRows(db, 'customer_merges')).toEqual([]);

    const [suggestion] = await listTicketSuggestions(deps, ig.ticket.id, all);
    expect(suggestion).toMatchObject({ customerId: ig.ticket.customerId, candidateId: wa.ticket.customerId, candidateName: 'Sari', reason: 'phone_in_message', evidence: { value: '+6281234567890', messageId: ig.message.id }, state: 'pending' });

    const { merge } = await confirmSuggestion(deps, { suggestionId: suggestion!.id, actor });
    expect(merge).toMatchObject({ survivorId: wa.ticket.customerId, mergedId: ig.ticket.customerId, reason: 'suggestion', evidence: { suggestionId: suggestion!.id }, actorUserId: actor.userId });
    expect(await listTicketSuggestions(deps, ig.ticket.id, all)).toEqual([]);
    await expect(confirmSuggestion(deps, { suggestionId: suggestion!.id, actor })).rejects.toMatchObject({ code: 'suggestion.decided' });
    // Undone, the pair is not asked again by itself: the agent decided once.
    await unmergeCustomers(deps, { mergeId: merge.id, actor });
    expect((await readTableRows(db, 'customer_suggestions')).map((row) => row.state)).toEqual(['confirmed']);
  });

  it('an email typed in a message is suggested, and a rejected pair is never suggested again', async () => {
    const web = await ingestMessage(deps, from('webchat', { externalId: 'u-1', email: 'sari@example.co.id', verified: true, displayName: 'Sari' }, 'Halo'));
    const ig = await ingestMessage(deps, from('instagram', { externalId: '1784002' }, 'email saya SARI@example.co.id'));
    const [suggestion] = await listTicketSuggestions(deps, ig.ticket.id, all);
    expect(suggestion).toMatchObject({ candidateId: web.ticket.customerId, reason: 'email_in_message' });
    expect(await rejectSuggestion(deps, { suggestionId: suggestion!.id, actor })).toMatchObject({ state: 'rejected', decidedByUserId: actor.userId });

    await ingestMessage(deps, from('instagram', { externalId: '1784002' }, 'sekali lagi: sari@example.co.id'));
    expect(await listTicketSuggestions(deps, ig.ticket.id, all)).toEqual([]);
    expect(await readTableRows(db, 'customer_suggestions')).toHaveLength(1);
    expect(await readTableRows(db, 'customer_merges')).toEqual([]);
  });

  it('the same name on another channel within a day is suggested, a day later it is not', async () => {
    const wa = await sariOnWhatsApp();
    const web = await ingestMessage(deps, from('webchat', { externalId: 'anon-1', displayName: 'sari' }, 'Halo kak'));
    expect(await listTicketSuggestions(deps, web.ticket.id, all)).toMatchObject([{ candidateId: wa.ticket.customerId, reason: 'same_name' }]);

    (deps.clock as ReturnType<typeof fakeClock>).advance(25 * 60 * 60 * 1000);
    const later = await ingestMessage(deps, from('instagram', { externalId: '1784003', displayName: 'Sari' }, 'Halo'));
    expect((await listTicketSuggestions(deps, later.ticket.id, all)).filter((s) => s.candidateId === wa.ticket.customerId)).toEqual([]);
  });

  it('the same order number on two customers is suggested', async () => {
    await seedDefaultCategories(deps);
    const wa = await sariOnWhatsApp();
    const ig = await ingestMessage(deps, from('instagram', { externalId: '1784004' }, 'Pesanan saya belum datang'));
    for (const ticket of [wa.ticket, ig.ticket]) {
      await updateWorkflow(deps, ticket.id, { category: 'delivery' });
      await setTicketFact(deps, { ticketId: ticket.id, key: 'order_number', value: 'INV-2026-0042', actor: { id: actor.userId } });
    }
    expect(await listTicketSuggestions(deps, ig.ticket.id, all)).toMatchObject([{ candidateId: wa.ticket.customerId, reason: 'order_number', evidence: { value: 'INV-2026-0042' } }]);
  });

  it('of two agents confirming one suggestion at once, one merges', async () => {
    await sariOnWhatsApp();
    const ig = await ingestMessage(deps, from('instagram', { externalId: '1784005' }, 'nomor saya +62 812 3456 7890'));
    const [suggestion] = await listTicketSuggestions(deps, ig.ticket.id, all);
    const results = await Promise.allSettled([confirmSuggestion(deps, { suggestionId: suggestion!.id, actor }), confirmSuggestion(deps, { suggestionId: suggestion!.id, actor })]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await readTableRows(db, 'customer_merges')).toHaveLength(1);
  });
});
