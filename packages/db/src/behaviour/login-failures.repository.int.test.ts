import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';
import { openTestDatabase, reopenTestDatabase } from '../testing/test-database.ts';

const LATER = '2026-03-02T08:05:00.000Z';
const FORGET_BEFORE = '2026-03-02T07:00:00.000Z';

describe('sign-in failure counts', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('count up per key and start again once the last failure is old enough to forget', async () => {
    expect(await db.loginFailures.recordFailure('k', T0, FORGET_BEFORE)).toBe(1);
    expect(await db.loginFailures.recordFailure('k', LATER, FORGET_BEFORE)).toBe(2);
    expect(await db.loginFailures.recordFailure('other', LATER, FORGET_BEFORE)).toBe(1);
    // The last failure (LATER) is before this cut-off: the count is forgotten.
    expect(await db.loginFailures.recordFailure('k', '2026-03-02T10:00:00.000Z', '2026-03-02T09:00:00.000Z')).toBe(1);
  });

  it('a lock is only ever extended, never shortened by a later, shorter one', async () => {
    await db.loginFailures.recordFailure('k', T0, FORGET_BEFORE);
    await db.loginFailures.lockUntil('k', '2026-03-02T08:15:00.000Z');
    await db.loginFailures.lockUntil('k', '2026-03-02T08:01:00.000Z');
    expect((await db.loginFailures.find(['k', 'absent'])).get('k')).toEqual({ failures: 1, lastFailureAt: T0, lockedUntil: '2026-03-02T08:15:00.000Z' });
    expect((await db.loginFailures.find(['absent'])).size).toBe(0);
  });

  it('clearing and purging remove counts, but a purge keeps a lock that still holds', async () => {
    await db.loginFailures.recordFailure('cleared', T0, FORGET_BEFORE);
    await db.loginFailures.clear('cleared');
    await db.loginFailures.recordFailure('stale', T0, FORGET_BEFORE);
    await db.loginFailures.recordFailure('locked', T0, FORGET_BEFORE);
    await db.loginFailures.lockUntil('locked', '2026-03-02T12:00:00.000Z');
    await db.loginFailures.recordFailure('recent', LATER, FORGET_BEFORE);
    expect(await db.loginFailures.purgeStale(LATER, '2026-03-02T09:00:00.000Z')).toBe(1);
    expect([...(await db.loginFailures.find(['cleared', 'stale', 'locked', 'recent'])).keys()].sort()).toEqual(['locked', 'recent']);
  });

  it('two connections to one database file add to the same count, as two API processes would', async () => {
    const first = await openTestDatabase();
    const second = await reopenTestDatabase(first.url);
    try {
      const counts = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? first : second).loginFailures.recordFailure('k', T0, FORGET_BEFORE)));
      expect(counts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
