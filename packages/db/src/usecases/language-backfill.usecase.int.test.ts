import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backfillCustomerLanguages, LANGUAGE_BACKFILL_CURSOR, type CoreDeps, type Database } from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, seedTicket, T0 } from '../testing/fixtures.ts';

describe('detecting the language of customers stored before detection existed', () => {
  let db: Database;
  let deps: CoreDeps;
  beforeEach(async () => {
    db = await freshDb();
    deps = { db, clock: fakeClock(), events: recordingPublisher() };
  });
  afterEach(() => db.close());

  async function customerWriting(name: string, ...bodies: string[]): Promise<number> {
    const ticket = await seedTicket(db, { name });
    for (const [index, body] of bodies.entries()) {
      await db.messages.insertIfAbsent({ ticketId: ticket.id, direction: 'in', authorKind: 'customer', channel: 'whatsapp', externalId: `${name}-${index}`, body, status: 'received', sentAt: T0 }, T0);
    }
    return ticket.customerId;
  }

  it('an English writer stored as Indonesian becomes English; short or Indonesian writers stay as they are', async () => {
    const alex = await customerWriting('Alex', 'Hi, my order has not arrived yet', 'Can you please check where it is?');
    const sari = await customerWriting('Sari', 'paket saya belum sampai kak', 'gmn ini udh seminggu');
    const okOnly = await customerWriting('Oki', 'ok', 'thanks');
    const silent = await customerWriting('Diam');
    expect(await backfillCustomerLanguages(deps, 10)).toEqual({ read: 4, changed: 1 });
    const languages = await Promise.all([alex, sari, okOnly, silent].map(async (id) => (await db.customers.findById(id))?.language));
    expect(languages).toEqual(['en', 'id', 'id', 'id']);
  });

  it('goes through the customers in batches, each after the last one read', async () => {
    const ids = [];
    for (const name of ['A', 'B', 'C']) ids.push(await customerWriting(name, 'Where is my package? It has been a week'));
    expect(await backfillCustomerLanguages(deps, 2)).toEqual({ read: 2, changed: 2 });
    expect(await db.settings.get(LANGUAGE_BACKFILL_CURSOR)).toBe(String(ids[1]));
    expect(await backfillCustomerLanguages(deps, 2)).toEqual({ read: 1, changed: 1 });
    expect(await backfillCustomerLanguages(deps, 2)).toEqual({ read: 1, changed: 0 });
    expect((await db.customers.findById(ids[2]!))?.language).toBe('en');
  });
});
