import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

const moved = { identityIds: [], ticketIds: [], folded: null };

describe('the merge log and the suggestions, on the engine under test', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('lists a customer’s merges either way, newest first, and marks one undone only once', async () => {
    const [a, b, c] = await Promise.all(['Sari', 'Budi', 'Rina'].map((name) => db.customers.create({ name }, T0)));
    const first = await db.customerMerges.insert({ survivorId: a!.id, mergedId: b!.id, reason: 'manual', evidence: {}, actorUserId: null, moved }, T0);
    const second = await db.customerMerges.insert({ survivorId: c!.id, mergedId: a!.id, reason: 'verified_phone', evidence: { phone: '+6281234567890' }, actorUserId: null, moved }, T0);
    expect((await db.customerMerges.listForCustomer(a!.id)).map((merge) => merge.id)).toEqual([second.id, first.id]);
    expect((await db.customerMerges.listLaterActive(a!.id, first.id)).map((merge) => merge.id)).toEqual([second.id]);
    expect(await db.customerMerges.findById(second.id)).toMatchObject({ reason: 'verified_phone', evidence: { phone: '+6281234567890' }, moved, undoneAt: null });

    expect(await db.customerMerges.markUndone(second.id, null, T0)).toBe(true);
    expect(await db.customerMerges.markUndone(second.id, null, T0)).toBe(false);
    expect(await db.customerMerges.listLaterActive(a!.id, first.id)).toEqual([]);
  });

  it('holds one pending or rejected suggestion per pair, in either order, and decides it once', async () => {
    const ticket = await seedTicket(db);
    const other = await db.customers.create({ name: 'Sari W' }, T0);
    const agent = await db.users.create({ email: 'a@k.id', name: 'A', role: 'agent', passwordHash: 'h' }, T0);
    const input = { ticketId: ticket.id, customerId: ticket.customerId, candidateId: other.id, reason: 'same_name' as const, evidence: { value: 'Sari' } };
    const pending = await db.customerSuggestions.insertIfAbsent(input, T0);
    expect(pending).toMatchObject({ state: 'pending', reason: 'same_name' });
    expect(await db.customerSuggestions.insertIfAbsent({ ...input, customerId: other.id, candidateId: ticket.customerId }, T0)).toBeNull();

    expect(await db.customerSuggestions.decide(pending!.id, 'rejected', agent.id, T0)).toMatchObject({ state: 'rejected', decidedByUserId: agent.id });
    expect(await db.customerSuggestions.decide(pending!.id, 'confirmed', agent.id, T0)).toBeNull();
    expect(await db.customerSuggestions.insertIfAbsent({ ...input, reason: 'phone_in_message' }, T0)).toBeNull();
    expect(await db.customerSuggestions.listPendingForTicket(ticket.id)).toEqual([]);
  });

  it('a confirmed pair may be asked again (after its merge was undone)', async () => {
    const ticket = await seedTicket(db);
    const other = await db.customers.create({ name: 'Sari W' }, T0);
    const agent = await db.users.create({ email: 'b@k.id', name: 'B', role: 'agent', passwordHash: 'h' }, T0);
    const input = { ticketId: ticket.id, customerId: ticket.customerId, candidateId: other.id, reason: 'email_in_message' as const, evidence: { value: 'sari@example.co.id' } };
    const first = await db.customerSuggestions.insertIfAbsent(input, T0);
    await db.customerSuggestions.decide(first!.id, 'confirmed', agent.id, T0);
    expect(await db.customerSuggestions.insertIfAbsent(input, T0)).toMatchObject({ state: 'pending' });
  });

  it('finds identities by phone or email among customers not merged away, and moves them', async () => {
    const [a, b] = await Promise.all(['Sari', 'Budi'].map((name) => db.customers.create({ name }, T0)));
    const wa = await db.identities.insertIfAbsent({ customerId: a!.id, channel: 'whatsapp', externalId: '6281234567890', phone: '+6281234567890', verified: true }, T0);
    const web = await db.identities.insertIfAbsent({ customerId: b!.id, channel: 'webchat', externalId: 'v-1', phone: '+6281234567890' }, T0);
    await db.identities.setKeys(web!.id, { email: 'budi@example.co.id' });
    expect((await db.identities.listByKey({ phone: '+6281234567890' }, { verifiedOnly: false })).map((identity) => identity.id)).toEqual([wa!.id, web!.id]);
    expect((await db.identities.listByKey({ phone: '+6281234567890' }, { verifiedOnly: true })).map((identity) => identity.id)).toEqual([wa!.id]);
    expect((await db.identities.listByKey({ email: 'budi@example.co.id' }, { verifiedOnly: false })).map((identity) => identity.id)).toEqual([web!.id]);

    await db.customers.setMergedInto(b!.id, a!.id, T0);
    expect((await db.identities.listByKey({ email: 'budi@example.co.id' }, { verifiedOnly: false }))).toEqual([]);
    await db.identities.moveToCustomer([web!.id], a!.id);
    expect((await db.identities.listForCustomer(a!.id)).map((identity) => identity.id)).toEqual([wa!.id, web!.id]);
  });
});
