import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, TicketFact } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

const LATER = '2026-03-02T09:00:00.000Z';

describe('ticket facts', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('a confirmed fact is kept with where it came from, and confirming it again replaces the value', async () => {
    const ticket = await seedTicket(db);
    const agent = await db.users.create({ email: 'dewi@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
    const detected: TicketFact = { ticketId: ticket.id, key: 'order_number', value: 'INV-20931', source: 'detected', sourceMessageId: 41, confirmedBy: agent.id, confirmedAt: T0 };
    expect(await db.facts.upsert(detected)).toEqual(detected);
    const typed: TicketFact = { ...detected, value: 'INV-20932', source: 'agent', sourceMessageId: null, confirmedAt: LATER };
    expect(await db.facts.upsert(typed)).toEqual(typed);
    await db.facts.upsert({ ...typed, key: 'amount', value: '45000', confirmedAt: T0 });
    expect((await db.facts.listForTicket(ticket.id)).map((fact) => [fact.key, fact.value])).toEqual([
      ['amount', '45000'],
      ['order_number', 'INV-20932'],
    ]);
  });

  it('removing a fact says whether there was one, and touches no other ticket', async () => {
    const ticket = await seedTicket(db);
    const other = await seedTicket(db, { name: 'Budi' });
    const fact: TicketFact = { ticketId: ticket.id, key: 'amount', value: '45000', source: 'agent', sourceMessageId: null, confirmedBy: null, confirmedAt: T0 };
    await db.facts.upsert(fact);
    await db.facts.upsert({ ...fact, ticketId: other.id });
    expect(await db.facts.remove(ticket.id, 'amount')).toBe(true);
    expect(await db.facts.remove(ticket.id, 'amount')).toBe(false);
    expect(await db.facts.listForTicket(ticket.id)).toEqual([]);
    expect(await db.facts.listForTicket(other.id)).toHaveLength(1);
  });
});
