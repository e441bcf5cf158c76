import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Lease } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

const LATER = '2026-03-02T08:05:00.000Z';
const lease = (owner: string, until = '2026-03-02T08:01:00.000Z'): Lease => ({ owner, until });

describe('background jobs', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('scheduling the same key twice keeps one job, even after it ran', async () => {
    await db.jobs.schedule({ kind: 'media.download', key: '7:0', runAt: T0, payload: { messageId: 7, index: 0 } }, T0);
    await db.jobs.schedule({ kind: 'media.download', key: '7:0', runAt: LATER, payload: { messageId: 7, index: 9 } }, T0);
    const [job] = await db.jobs.claimDue(['media.download'], T0, 10, lease('p1'));
    expect(job).toMatchObject({ kind: 'media.download', key: '7:0', payload: { messageId: 7, index: 0 }, attempts: 0, state: 'pending' });
    await db.jobs.complete(job!.id, 'p1', T0);
    await db.jobs.schedule({ kind: 'media.download', key: '7:0', runAt: T0 }, T0);
    expect(await db.jobs.claimDue(['media.download'], LATER, 10, lease('p1', '2026-03-02T08:06:00.000Z'))).toEqual([]);
    expect(await db.jobs.findByKey('media.download', '7:0')).toMatchObject({ state: 'done' });
  });

  it('only due jobs of the asked kinds are claimed, oldest first', async () => {
    await db.jobs.schedule({ kind: 'media.download', key: 'b', runAt: '2026-03-02T08:00:02.000Z' }, T0);
    await db.jobs.schedule({ kind: 'media.download', key: 'a', runAt: '2026-03-02T08:00:01.000Z' }, T0);
    await db.jobs.schedule({ kind: 'customer.profile', key: 'c', runAt: T0 }, T0);
    await db.jobs.schedule({ kind: 'media.download', key: 'later', runAt: LATER }, T0);
    const claimed = await db.jobs.claimDue(['media.download'], '2026-03-02T08:00:02.000Z', 10, lease('p1'));
    expect(claimed.map((job) => job.key)).toEqual(['a', 'b']);
  });

  it('two processes claiming at once never both run a job, and a dead one is taken over after its lease', async () => {
    for (const key of ['1', '2', '3', '4']) await db.jobs.schedule({ kind: 'customer.profile', key, runAt: T0 }, T0);
    const [one, two] = await Promise.all([
      db.jobs.claimDue(['customer.profile'], T0, 3, lease('p1')),
      db.jobs.claimDue(['customer.profile'], T0, 3, lease('p2')),
    ]);
    const ids = [...one!, ...two!].map((job) => job.id);
    expect(new Set(ids).size).toBe(4);
    const taken = await db.jobs.claimDue(['customer.profile'], '2026-03-02T08:01:00.000Z', 10, lease('p3', '2026-03-02T08:02:00.000Z'));
    expect(taken.map((job) => job.leaseOwner)).toEqual(['p3', 'p3', 'p3', 'p3']);
    expect(await db.jobs.retry(taken[0]!.id, LATER, 'late', 'p1', T0)).toBe(false);
  });

  it('a retry counts the attempt; a recurring job is rescheduled with a clean slate; a failure is final', async () => {
    await db.jobs.schedule({ kind: 'janitor.parked_statuses', key: 'every-hour', runAt: T0 }, T0);
    const [job] = await db.jobs.claimDue(['janitor.parked_statuses'], T0, 1, lease('p1'));
    expect(await db.jobs.retry(job!.id, LATER, 'disk busy', 'p1', T0)).toBe(true);
    const [again] = await db.jobs.claimDue(['janitor.parked_statuses'], LATER, 1, lease('p1', '2026-03-02T08:06:00.000Z'));
    expect(again).toMatchObject({ attempts: 1, lastError: 'disk busy', runAt: LATER });
    expect(await db.jobs.reschedule(again!.id, '2026-03-02T09:05:00.000Z', 'p1', LATER)).toBe(true);
    expect(await db.jobs.findByKey('janitor.parked_statuses', 'every-hour')).toMatchObject({ attempts: 0, lastError: null, state: 'pending' });
    const [third] = await db.jobs.claimDue(['janitor.parked_statuses'], '2026-03-02T09:05:00.000Z', 1, lease('p1', '2026-03-02T09:06:00.000Z'));
    await db.jobs.fail(third!.id, 'gone', 'p1', '2026-03-02T09:05:00.000Z');
    expect(await db.jobs.claimDue(['janitor.parked_statuses'], '2026-03-03T00:00:00.000Z', 1, lease('p1', '2026-03-03T00:01:00.000Z'))).toEqual([]);
  });

  it('finished jobs are purged after a while; pending ones never', async () => {
    await db.jobs.schedule({ kind: 'media.download', key: 'done', runAt: T0 }, T0);
    await db.jobs.schedule({ kind: 'media.download', key: 'waiting', runAt: LATER }, T0);
    const [done] = await db.jobs.claimDue(['media.download'], T0, 1, lease('p1'));
    await db.jobs.complete(done!.id, 'p1', T0);
    expect(await db.jobs.purgeFinishedBefore('2026-03-02T07:00:00.000Z')).toBe(0);
    expect(await db.jobs.purgeFinishedBefore('2026-03-09T00:00:00.000Z')).toBe(1);
    expect(await db.jobs.findByKey('media.download', 'waiting')).not.toBeNull();
  });
});
