import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

describe('group commit on the embedded database', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('transactions that arrive together commit together, and each is readable once its promise resolves', async () => {
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        db.transaction(async (tx) => {
          const customer = await tx.customers.create({ name: `c${n}` }, T0);
          return customer.id;
        }),
      ).map(async (pending) => {
        const id = await pending;
        // Read through the reader connection, which only sees what has committed.
        return (await db.customers.findById(id))?.name ?? null;
      }),
    );
    expect(created).toEqual(Array.from({ length: 40 }, (_, n) => `c${n}`));
  });

  it('one failing transaction in a group takes only its own work with it', async () => {
    const outcomes = await Promise.allSettled([
      db.transaction((tx) => tx.customers.create({ name: 'before' }, T0)),
      db.transaction(async (tx) => {
        await tx.customers.create({ name: 'doomed' }, T0);
        throw new Error('refused');
      }),
      db.transaction((tx) => tx.customers.create({ name: 'after' }, T0)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const names = await Promise.all([1, 2, 3, 4, 5].map(async (id) => (await db.customers.findById(id))?.name));
    expect(names.filter(Boolean).sort()).toEqual(['after', 'before']);
  });

  it('later work in a group sees what earlier work wrote, as if they ran one after another', async () => {
    const first = db.transaction((tx) => tx.settings.set('k', 'one'));
    const second = db.transaction(async (tx) => tx.settings.get('k'));
    await first;
    expect(await second).toBe('one');
  });
});
