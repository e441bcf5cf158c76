import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, NewDomainEvent } from '@keluh/core';
import { memoryDb, T0 } from '../testing/fixtures.ts';

const statusEvent = (customerId: number | null, messageId: number): NewDomainEvent => ({
  type: 'message.status',
  ticketId: 7,
  customerId,
  payload: { messageId, ticketId: 7, status: 'delivered', error: null },
});

describe('the event log', () => {
  let db: Database;
  beforeEach(() => {
    db = memoryDb();
  });
  afterEach(() => db.close());

  it('an empty log has latest id 0, so a fresh client asks for everything after 0', async () => {
    expect(await db.events.latestId()).toBe(0);
    expect(await db.events.listAfter(0, { limit: 10 })).toEqual([]);
  });

  it('appended events get strictly increasing ids and keep their payload', async () => {
    const stored = [];
    for (let i = 1; i <= 5; i += 1) stored.push(await db.events.append(statusEvent(1, i), T0));
    const ids = stored.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(5);
    expect(stored[0]).toEqual({ ...statusEvent(1, 1), id: ids[0], createdAt: T0 });
    expect(await db.events.latestId()).toBe(ids[4]);
  });

  it('a reconnecting client receives exactly what came after the last id it saw', async () => {
    for (let i = 1; i <= 6; i += 1) await db.events.append(statusEvent(1, i), T0);
    const missed = await db.events.listAfter(2, { limit: 3 });
    expect(missed.map((e) => e.id)).toEqual([3, 4, 5]);
    expect(missed[0]?.payload).toEqual({ messageId: 3, ticketId: 7, status: 'delivered', error: null });
  });

  it('a widget visitor replays only their own conversation', async () => {
    await db.events.append(statusEvent(1, 1), T0);
    await db.events.append(statusEvent(2, 2), T0);
    await db.events.append(statusEvent(null, 3), T0);
    await db.events.append(statusEvent(2, 4), T0);
    const mine = await db.events.listAfter(0, { limit: 10, customerId: 2 });
    expect(mine.map((e) => e.id)).toEqual([2, 4]);
  });
});
