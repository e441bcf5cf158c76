import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Ticket, User } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

const LATER = '2026-03-02T09:00:00.000Z';
const DUE = '2026-03-03T08:00:00.000Z';

describe('promises', () => {
  let db: Database;
  let ticket: Ticket;
  let agent: User;
  const promise = (text = 'Kurir baru dikirim besok pagi') => db.promises.createIfNoneOpen({ ticketId: ticket.id, text, dueAt: DUE, ownerUserId: agent.id, createdBy: agent.id }, T0);

  beforeEach(async () => {
    db = await freshDb();
    ticket = await seedTicket(db);
    agent = await db.users.create({ email: 'dewi@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
  });
  afterEach(() => db.close());

  it('keeps a promise open with its owner named', async () => {
    const made = await promise();
    expect(made).toEqual({
      id: made!.id, ticketId: ticket.id, text: 'Kurir baru dikirim besok pagi', dueAt: DUE, ownerUserId: agent.id, ownerName: 'Dewi', state: 'open',
      createdBy: agent.id, createdAt: T0, settledAt: null, settledBy: null, remindedAt: null, overdueAt: null,
    });
    expect(await db.promises.findById(made!.id)).toEqual(made);
    expect(await db.promises.latestForTicket(ticket.id)).toEqual(made);
    expect(await db.promises.findById(made!.id + 100)).toBeNull();
  });

  it('allows only one open promise per ticket, even when two are made at once', async () => {
    const results = await Promise.all([promise('satu'), promise('dua'), promise('tiga')]);
    expect(results.filter((made) => made !== null)).toHaveLength(1);
    expect(await db.promises.listForTicket(ticket.id)).toHaveLength(1);
  });

  it('allows a new promise once the previous one is settled, listing both in order', async () => {
    const first = await promise('satu');
    await db.promises.settle(first!.id, 'broken', agent.id, LATER);
    const second = await promise('dua');
    expect(second).not.toBeNull();
    expect((await db.promises.listForTicket(ticket.id)).map((made) => [made.text, made.state])).toEqual([['satu', 'broken'], ['dua', 'open']]);
    expect((await db.promises.latestForTicket(ticket.id))?.id).toBe(second!.id);
  });

  it('settles a promise once, whoever settles it at the same moment', async () => {
    const made = await promise();
    const results = await Promise.all([db.promises.settle(made!.id, 'kept', agent.id, LATER), db.promises.settle(made!.id, 'broken', null, LATER)]);
    const winners = results.filter((settled) => settled !== null);
    expect(winners).toHaveLength(1);
    expect(await db.promises.findById(made!.id)).toMatchObject({ state: winners[0]!.state, settledAt: LATER });
    expect(await db.promises.settle(made!.id, 'cancelled', agent.id, LATER)).toBeNull();
  });

  it('marks the reminder and the overdue notice once each, and never on a settled promise', async () => {
    const made = await promise();
    expect(await Promise.all([db.promises.markReminded(made!.id, LATER), db.promises.markReminded(made!.id, LATER)])).toEqual(expect.arrayContaining([true, false]));
    expect(await db.promises.markOverdue(made!.id, DUE)).toBe(true);
    expect(await db.promises.markOverdue(made!.id, DUE)).toBe(false);
    expect(await db.promises.findById(made!.id)).toMatchObject({ remindedAt: LATER, overdueAt: DUE });
    await db.promises.settle(made!.id, 'kept', agent.id, DUE);
    const next = await promise();
    await db.promises.settle(next!.id, 'cancelled', agent.id, DUE);
    expect(await db.promises.markReminded(next!.id, DUE)).toBe(false);
    expect(await db.promises.markOverdue(next!.id, DUE)).toBe(false);
  });
});
