import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, NewDomainEvent } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

const statusEvent = (customerId: number | null, messageId: number): NewDomainEvent => ({
  type: 'message.status',
  ticketId: 7,
  customerId,
  payload: { messageId, ticketId: 7, status: 'delivered', error: null },
});

describe('the event log', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  /** One transaction's events, appended the way core's commit() does. */
  const append = (...events: NewDomainEvent[]) => db.transaction((tx) => tx.events.appendAll(events, T0));

  it('an empty log has latest id 0, so a fresh client asks for everything after 0', async () => {
    expect(await db.events.latestId()).toBe(0);
    expect(await db.events.listAfter(0, { limit: 10 })).toEqual([]);
  });

  it('appended events get strictly increasing ids and keep their payload', async () => {
    const stored = await db.transaction((tx) => tx.events.appendAll([1, 2, 3, 4, 5].map((i) => statusEvent(1, i)), T0));
    const ids = stored.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(5);
    expect(stored[0]).toEqual({ ...statusEvent(1, 1), id: ids[0], createdAt: T0, teamId: null, assigneeId: null });
    expect(await db.events.latestId()).toBe(ids[4]);
  });

  it('a reconnecting client receives exactly what came after the last id it saw', async () => {
    await append(...[1, 2, 3, 4, 5, 6].map((i) => statusEvent(1, i)));
    const missed = await db.events.listAfter(2, { limit: 3 });
    expect(missed.map((e) => e.id)).toEqual([3, 4, 5]);
    expect(missed[0]?.payload).toEqual({ messageId: 3, ticketId: 7, status: 'delivered', error: null });
  });

  it('a widget visitor replays only their own conversation', async () => {
    await append(statusEvent(1, 1), statusEvent(2, 2));
    await append(statusEvent(null, 3));
    await append(statusEvent(2, 4));
    const mine = await db.events.listAfter(0, { limit: 10, customerId: 2 });
    expect(mine.map((e) => e.id)).toEqual([2, 4]);
  });
});
