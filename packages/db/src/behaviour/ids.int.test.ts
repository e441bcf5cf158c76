import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

/** Past 32 bits: an id a client may well send (the API takes any positive safe integer). */
const HUGE = 2 ** 40;

describe('ids a client sends', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('an id of any size is one that finds nothing, never a database error', async () => {
    expect(await db.tickets.findById(HUGE)).toBeNull();
    expect(await db.tickets.findView(HUGE)).toBeNull();
    expect(await db.messages.findById(HUGE)).toBeNull();
    expect(await db.customers.findById(HUGE)).toBeNull();
    expect(await db.users.findById(HUGE)).toBeNull();
    expect(await db.apiChannels.findById(HUGE)).toBeNull();
    expect(await db.events.listAfter(HUGE, { limit: 10 })).toEqual([]);
    expect(await db.tickets.list({ limit: 10, assigneeId: HUGE })).toEqual({ items: [], nextCursor: null });
  });

  it('changing something with such an id is the ordinary not-found error', async () => {
    await expect(db.tickets.update(HUGE, { priority: 'high' }, T0)).rejects.toMatchObject({ code: 'ticket.not_found' });
    await expect(db.messages.update(HUGE, { status: 'read' }, T0)).rejects.toMatchObject({ code: 'message.not_found' });
    expect(await db.apiChannels.update(HUGE, { name: 'Ghost' }, T0)).toBeNull();
    expect(await db.apiChannels.delete(HUGE)).toBe(false);
  });
});
