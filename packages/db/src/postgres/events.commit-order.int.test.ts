import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, NewDomainEvent } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';
import { heldTransaction, settlesWithin } from '../testing/held-transaction.ts';

const event = (reason: string): NewDomainEvent => ({
  type: 'channel.updated',
  ticketId: null,
  customerId: null,
  payload: { kind: 'whatsapp', status: 'active', reason },
});

/*
 * PostgreSQL's sequences are not commit-ordered; the event log makes them so with an advisory lock taken
 * before the insert and held to COMMIT (see the events repository). Here one transaction appends and then
 * lingers before committing, the way a slow commit does, while another appends.
 */
describe('the PostgreSQL event log under concurrent writers', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('an append waits while an earlier transaction has appended but not committed, so no reader ever skips an id', async () => {
    const slow = await heldTransaction(db, async (tx) => (await tx.events.appendAll([event('slow')], T0))[0]!.id);
    // Outside a transaction, too: the append gets a transaction of its own for the lock to mean anything.
    const fast = db.events.appendAll([event('fast')], T0);

    const fastWaited = !(await settlesWithin(fast, 300));
    // What a reader sees meanwhile: nothing, rather than the fast event with a smaller id still to come.
    const seenMeanwhile = await db.events.listAfter(0, { limit: 10 });
    // Released before asserting, so a failure reports instead of leaving the transaction open.
    slow.release();
    await slow.committed;

    expect(fastWaited).toBe(true);
    expect(seenMeanwhile).toEqual([]);
    const [stored] = await fast;
    expect(stored!.id).toBeGreaterThan(slow.value);
    expect((await db.events.listAfter(0, { limit: 10 })).map((e) => e.id)).toEqual([slow.value, stored!.id]);
  });

  it('an append that rolls back lets the next one through and leaves no trace', async () => {
    const doomed = db.transaction(async (tx) => {
      await tx.events.appendAll([event('doomed')], T0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new Error('rolled back');
    });
    const next = db.transaction((tx) => tx.events.appendAll([event('next')], T0));
    await expect(doomed).rejects.toThrow('rolled back');
    const [kept] = await next;
    expect((await db.events.listAfter(0, { limit: 10 })).map((e) => e.payload)).toEqual([kept!.payload]);
  });

  it('the events of one transaction keep their order', async () => {
    const stored = await db.transaction((tx) => tx.events.appendAll(['a', 'b', 'c', 'd'].map(event), T0));
    expect(stored.map((e) => (e.payload as { reason: string }).reason)).toEqual(['a', 'b', 'c', 'd']);
    expect(stored.map((e) => e.id)).toEqual([...stored.map((e) => e.id)].sort((x, y) => x - y));
  });
});
