import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

const LATER = '2026-03-05T09:00:00.000Z';

describe('the customer profile', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it("notes are kept with their author's name, newest first, and only on their customer", async () => {
    const ticket = await seedTicket(db);
    const other = await seedTicket(db, { name: 'Budi' });
    const dewi = await db.users.create({ email: 'dewi@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
    const first = await db.customerProfiles.addNote({ customerId: ticket.customerId, authorUserId: dewi.id, body: 'Reseller di Medan' }, T0);
    expect(first).toEqual({ id: first.id, customerId: ticket.customerId, authorUserId: dewi.id, authorName: 'Dewi', body: 'Reseller di Medan', createdAt: T0 });
    await db.customerProfiles.addNote({ customerId: ticket.customerId, authorUserId: dewi.id, body: 'Suka ditelepon sore' }, LATER);
    await db.customerProfiles.addNote({ customerId: other.customerId, authorUserId: dewi.id, body: 'lain' }, T0);
    expect((await db.customerProfiles.listNotes(ticket.customerId)).map((note) => note.body)).toEqual(['Suka ditelepon sore', 'Reseller di Medan']);
  });

  it('an attribute key is defined once; a second definition with the same key is refused', async () => {
    const created = await db.customerProfiles.createDefIfAbsent({ key: 'tier', label: 'Tier', type: 'choice', choices: ['gold', 'silver'] }, T0);
    expect(created).toMatchObject({ key: 'tier', label: 'Tier', type: 'choice', choices: ['gold', 'silver'], position: 0, createdAt: T0 });
    expect(await db.customerProfiles.createDefIfAbsent({ key: 'tier', label: 'Again', type: 'text', choices: [] }, T0)).toBeNull();
    expect((await db.customerProfiles.listDefs()).map((def) => def.label)).toEqual(['Tier']);
  });

  it('attribute values keep their JSON type, are replaced in place and removed by null', async () => {
    const { customerId } = await seedTicket(db);
    await db.customerProfiles.createDefIfAbsent({ key: 'since', label: 'Member since', type: 'date', choices: [] }, T0);
    await db.customerProfiles.createDefIfAbsent({ key: 'orders', label: 'Orders', type: 'number', choices: [] }, T0);
    await db.customerProfiles.createDefIfAbsent({ key: 'vip', label: 'VIP', type: 'boolean', choices: [] }, T0);
    await db.transaction((tx) => tx.customerProfiles.setAttributes(customerId, { since: '2024-05-01', orders: 12, vip: false }, T0));
    await db.transaction((tx) => tx.customerProfiles.setAttributes(customerId, { orders: 13, vip: null }, LATER));
    expect(await db.customerProfiles.listAttributes(customerId)).toEqual([
      { customerId, key: 'orders', value: 13, updatedAt: LATER },
      { customerId, key: 'since', value: '2024-05-01', updatedAt: T0 },
    ]);
  });

  it("deleting a definition removes every customer's value of it", async () => {
    const { customerId } = await seedTicket(db);
    await db.customerProfiles.createDefIfAbsent({ key: 'city', label: 'City', type: 'text', choices: [] }, T0);
    await db.customerProfiles.setAttributes(customerId, { city: 'Medan' }, T0);
    expect(await db.customerProfiles.deleteDef('city')).toBe(true);
    expect(await db.customerProfiles.deleteDef('city')).toBe(false);
    expect(await db.customerProfiles.listAttributes(customerId)).toEqual([]);
  });

  it('every channel a ticket has messages on is listed, and only rated reviews count as CSAT', async () => {
    const ticket = await seedTicket(db);
    const message = (channel: 'whatsapp' | 'instagram', externalId: string) =>
      db.messages.insertIfAbsent({ ticketId: ticket.id, direction: 'in', authorKind: 'customer', channel, externalId, body: 'Halo', status: 'received', sentAt: T0 }, T0);
    await message('whatsapp', 'w1');
    await message('whatsapp', 'w2');
    await message('instagram', 'i1');
    expect(await db.customerProfiles.listTicketChannels(ticket.customerId)).toEqual([
      { ticketId: ticket.id, channel: 'instagram' },
      { ticketId: ticket.id, channel: 'whatsapp' },
    ]);
    const review = (await db.reviews.createIfNoneOpen({ ticketId: ticket.id, customerId: ticket.customerId, channel: 'whatsapp', requestedBy: null }, T0))!;
    expect(await db.customerProfiles.listCsat(ticket.customerId)).toEqual([]);
    await db.reviews.rate(review.id, 4, LATER);
    expect(await db.customerProfiles.listCsat(ticket.customerId)).toEqual([{ reviewId: review.id, ticketId: ticket.id, channel: 'whatsapp', score: 4, comment: null, ratedAt: LATER }]);
  });
});

describe('what the language backfill reads', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it("reads customers after the cursor in id order, each with only their newest non-empty inbound messages", async () => {
    const first = await seedTicket(db, { name: 'A' });
    const second = await seedTicket(db, { name: 'B' });
    const at = (minute: number) => new Date(Date.parse(T0) + minute * 60_000).toISOString();
    const write = (ticketId: number, externalId: string, body: string, minute: number, direction: 'in' | 'out' = 'in') =>
      db.messages.insertIfAbsent({ ticketId, direction, authorKind: direction === 'in' ? 'customer' : 'agent', channel: 'whatsapp', externalId, body, status: 'received', sentAt: at(minute) }, T0);
    await write(first.id, 'a1', 'oldest', 1);
    await write(first.id, 'a2', 'middle', 2);
    await write(first.id, 'a3', '', 3);
    await write(first.id, 'a4', 'newest', 4);
    await write(first.id, 'a5', 'our reply', 5, 'out');
    await write(second.id, 'b1', 'halo kak', 1);
    expect(await db.customerProfiles.listInboundTexts(0, 10, 2)).toEqual([
      { customerId: first.customerId, language: 'id', texts: ['newest', 'middle'] },
      { customerId: second.customerId, language: 'id', texts: ['halo kak'] },
    ]);
    expect(await db.customerProfiles.listInboundTexts(first.customerId, 10, 2)).toEqual([{ customerId: second.customerId, language: 'id', texts: ['halo kak'] }]);
    expect(await db.customerProfiles.listInboundTexts(0, 1, 2)).toHaveLength(1);
  });
});

describe('suggested characteristics', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('a suggestion changes a suggested characteristic, with its reason', async () => {
    const customer = await db.customers.create({ name: 'Sari' }, T0);
    expect(customer).toMatchObject({ characteristic: 'new', characteristicSource: 'suggested', characteristicReason: null });
    const changed = await db.customers.suggestCharacteristic(customer.id, 'thrifty', { rule: 'price_talk', cues: ['diskon'] }, LATER);
    expect(changed).toMatchObject({ characteristic: 'thrifty', characteristicSource: 'suggested', characteristicReason: { rule: 'price_talk', cues: ['diskon'] } });
  });

  it("an agent's choice is never overwritten by a suggestion", async () => {
    const customer = await db.customers.create({ name: 'Sari' }, T0);
    await db.customers.update(customer.id, { characteristic: 'loyal', characteristicSource: 'agent', characteristicReason: null }, T0);
    expect(await db.customers.suggestCharacteristic(customer.id, 'thrifty', { rule: 'price_talk', cues: ['promo'] }, LATER)).toBeNull();
    expect(await db.customers.findById(customer.id)).toMatchObject({ characteristic: 'loyal', characteristicSource: 'agent', characteristicReason: null });
  });
});

describe('filtering the ticket list by customer', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('narrows to customers of the given types and characteristics', async () => {
    await seedTicket(db, { name: 'Sari' });
    const budi = await seedTicket(db, { name: 'Budi' });
    const rina = await seedTicket(db, { name: 'Rina' });
    await db.customers.update(budi.customerId, { type: 'intermediary', characteristic: 'thrifty' }, T0);
    await db.customers.update(rina.customerId, { type: 'intermediary', characteristic: 'loyal' }, T0);
    const names = async (query: Parameters<Database['tickets']['list']>[0]) => (await db.tickets.list(query)).items.map((t) => t.customer.name).sort();
    expect(await names({ limit: 10, customerType: ['intermediary'] })).toEqual(['Budi', 'Rina']);
    expect(await names({ limit: 10, customerType: ['intermediary'], characteristic: ['thrifty'] })).toEqual(['Budi']);
    expect(await names({ limit: 10, characteristic: ['new', 'loyal'] })).toEqual(['Rina', 'Sari']);
  });
});
