import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { memoryDb, T0 } from '../testing/fixtures.ts';

describe('transactions on the embedded database', () => {
  let db: Database;
  beforeEach(() => {
    db = memoryDb();
  });
  afterEach(() => db.close());

  it('work that throws leaves nothing behind, events included', async () => {
    await expect(
      db.transaction(async (tx) => {
        const customer = await tx.customers.create({ name: 'Rollback' }, T0);
        await tx.events.append({ type: 'message.status', ticketId: null, customerId: customer.id, payload: { messageId: 1, ticketId: 1, status: 'sent', error: null } }, T0);
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

  it('concurrent transactions run one after the other and both commit', async () => {
    const order: string[] = [];
    const slow = (label: string) =>
      db.transaction(async (tx) => {
        order.push(`${label}:start`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        await tx.customers.create({ name: label }, T0);
        order.push(`${label}:end`);
      });
    await Promise.all([slow('a'), slow('b'), slow('c')]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
    expect((await db.customers.findById(3))?.name).toBe('c');
  });

  it('a failed transaction does not block the next one', async () => {
    const failing = db.transaction(async () => {
      throw new Error('first fails');
    });
    const next = db.transaction(async (tx) => tx.customers.create({ name: 'Second' }, T0));
    await expect(failing).rejects.toThrow('first fails');
    await expect(next).resolves.toMatchObject({ name: 'Second' });
  });

  it('a nested transaction joins the outer one instead of deadlocking', async () => {
    await db.transaction(async (tx) => {
      await tx.customers.create({ name: 'Outer' }, T0);
      await db.transaction(async (inner) => inner.customers.create({ name: 'Inner' }, T0));
    });
    expect((await db.customers.findById(2))?.name).toBe('Inner');
  });

  /** Opens a transaction that has written a customer and now waits until released, then rolls back. */
  async function heldTransaction() {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const begun = new Promise<void>((resolve) => (started = resolve));
    const done = db
      .transaction(async (tx) => {
        await tx.customers.create({ name: 'Uncommitted' }, T0);
        started();
        await held;
        throw new Error('rolled back');
      })
      .catch((error: Error) => error.message);
    await begun;
    return { release, done };
  }

  it("a write outside a transaction waits and is not rolled back with someone else's work", async () => {
    const open = await heldTransaction();
    const outside = db.customers.create({ name: 'Outside' }, T0);
    open.release();
    expect(await open.done).toBe('rolled back');
    const kept = await outside;
    expect(await db.customers.findById(kept.id)).toMatchObject({ name: 'Outside' });
  });

  it('a read outside a transaction never sees uncommitted rows', async () => {
    const open = await heldTransaction();
    const read = db.customers.findById(1);
    open.release();
    expect(await open.done).toBe('rolled back');
    expect(await read).toBeNull();
  });
});
