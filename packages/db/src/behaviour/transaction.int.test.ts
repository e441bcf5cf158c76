import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, NewDomainEvent } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

const statusEvent = (customerId: number): NewDomainEvent => ({
  type: 'message.status',
  ticketId: null,
  customerId,
  payload: { messageId: 1, ticketId: 1, status: 'sent', error: null },
});

describe('transactions', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('work that throws leaves nothing behind, events included', async () => {
    await expect(
      db.transaction(async (tx) => {
        const customer = await tx.customers.create({ name: 'Rollback' }, T0);
        await tx.events.appendAll([statusEvent(customer.id)], T0);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.customers.findById(1)).toBeNull();
    expect(await db.events.latestId()).toBe(0);
  });

  it('work that succeeds is committed and its result returned', async () => {
    const id = await db.transaction(async (tx) => (await tx.customers.create({ name: 'Kept' }, T0)).id);
    expect(await db.customers.findById(id)).toMatchObject({ name: 'Kept' });
  });

  it('concurrent transactions all commit', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const ids = await Promise.all(
      names.map((name) =>
        db.transaction(async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return (await tx.customers.create({ name }, T0)).id;
        }),
      ),
    );
    const stored = await Promise.all(ids.map((id) => db.customers.findById(id)));
    expect(stored.map((customer) => customer?.name).sort()).toEqual(names);
  });

  it('a failed transaction does not block the next one', async () => {
    const failing = db.transaction(async () => {
      throw new Error('first fails');
    });
    const next = db.transaction(async (tx) => tx.customers.create({ name: 'Second' }, T0));
    await expect(failing).rejects.toThrow('first fails');
    await expect(next).resolves.toMatchObject({ name: 'Second' });
  });

  /** Opens a transaction that has written a customer and now waits until released, then rolls back. */
  async function heldTransaction() {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: (id: number) => void;
    const begun = new Promise<number>((resolve) => (started = resolve));
    const done = db
      .transaction(async (tx) => {
        started((await tx.customers.create({ name: 'Uncommitted' }, T0)).id);
        await held;
        throw new Error('rolled back');
      })
      .catch((error: Error) => error.message);
    const id = await begun;
    return { id, release, done };
  }

  it("a write outside a transaction is not rolled back with someone else's work", async () => {
    const open = await heldTransaction();
    const outside = db.customers.create({ name: 'Outside' }, T0);
    open.release();
    expect(await open.done).toBe('rolled back');
    const kept = await outside;
    expect(await db.customers.findById(kept.id)).toMatchObject({ name: 'Outside' });
  });

  it('a read outside a transaction never sees uncommitted rows, and does not wait for the transaction to end', async () => {
    const open = await heldTransaction();
    // Resolves while the transaction is still open: reads are not queued behind writers.
    expect(await db.customers.findById(open.id)).toBeNull();
    open.release();
    expect(await open.done).toBe('rolled back');
    expect(await db.customers.findById(open.id)).toBeNull();
  });
});
