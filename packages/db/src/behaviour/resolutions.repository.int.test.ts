import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, seedTicket } from '../testing/fixtures.ts';
import { recordFor } from '../testing/resolution-fixtures.ts';

describe('resolution records', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('keeps a record as saved and finds it by id and by ticket', async () => {
    const ticket = await seedTicket(db);
    const saved = await db.resolutions.save(recordFor(ticket));
    expect(saved).toEqual({ id: saved.id, ...recordFor(ticket) });
    expect(await db.resolutions.findById(saved.id)).toEqual(saved);
    expect(await db.resolutions.findByTicket(ticket.id)).toEqual(saved);
    expect(await db.resolutions.findById(saved.id + 1000)).toBeNull();
  });

  it('replaces the record of a ticket resolved again, keeping its id', async () => {
    const ticket = await seedTicket(db);
    const first = await db.resolutions.save(recordFor(ticket));
    const again = await db.resolutions.save(recordFor(ticket, { solution: 'Refund penuh', timeToFixMs: 7_200_000, resolvedAt: '2026-03-03T08:00:00.000Z' }));
    expect(again.id).toBe(first.id);
    expect(await db.resolutions.findByTicket(ticket.id)).toMatchObject({ solution: 'Refund penuh', timeToFixMs: 7_200_000 });
  });

  it('records a rating and whether the promise was kept after the fact', async () => {
    const ticket = await seedTicket(db);
    await db.resolutions.save(recordFor(ticket));
    await db.resolutions.setRating(ticket.id, 4);
    await db.resolutions.setPromiseKept(ticket.id, true);
    expect(await db.resolutions.findByTicket(ticket.id)).toMatchObject({ rating: 4, promiseKept: true });
    await db.resolutions.setPromiseKept(ticket.id, false);
    expect((await db.resolutions.findByTicket(ticket.id))?.promiseKept).toBe(false);
  });

  it("lists a category's times to fix, most recent first", async () => {
    for (const [i, category] of ['delivery', 'payment', 'delivery', 'delivery'].entries()) {
      const ticket = await seedTicket(db, { externalId: `c-${i}` });
      await db.resolutions.save(recordFor(ticket, { category, timeToFixMs: (i + 1) * 1000, resolvedAt: `2026-03-0${i + 2}T08:00:00.000Z` }));
    }
    expect(await db.resolutions.listTimesToFix('delivery', 10)).toEqual([4000, 3000, 1000]);
    expect(await db.resolutions.listTimesToFix('delivery', 2)).toEqual([4000, 3000]);
    expect(await db.resolutions.listTimesToFix('account', 10)).toEqual([]);
  });
});
