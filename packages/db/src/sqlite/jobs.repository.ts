import { and, asc, eq, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Job, JobRepository } from '@keluh/core';
import { jobs } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

type JobRow = typeof jobs.$inferSelect;
const toJob = (row: JobRow): Job => row;

export function createJobRepository(db: SqliteDb): JobRepository {
  const heldBy = (id: number, owner: string) => and(eq(jobs.id, id), eq(jobs.leaseOwner, owner), eq(jobs.state, 'pending'));
  const released = { leaseOwner: null, leaseUntil: null };
  const ownerOf = (id: number) => db.select({ owner: jobs.leaseOwner }).from(jobs).where(eq(jobs.id, id)).get()?.owner ?? null;

  return {
    async schedule(job, now) {
      db.insert(jobs)
        .values({ kind: job.kind, key: job.key, payload: job.payload ?? {}, runAt: job.runAt, createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: [jobs.kind, jobs.key] })
        .run();
    },

    async claimDue(kinds, now, limit, lease) {
      // One UPDATE under SQLite's single writer is the claim: no other claimer can interleave with it.
      const due = db
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.state, 'pending'), inArray(jobs.kind, [...kinds]), lte(jobs.runAt, now), or(isNull(jobs.leaseUntil), lte(jobs.leaseUntil, now))))
        .orderBy(asc(jobs.runAt), asc(jobs.id))
        .limit(limit);
      return db
        .update(jobs)
        .set({ leaseOwner: lease.owner, leaseUntil: lease.until })
        .where(inArray(jobs.id, due))
        .returning()
        .all()
        .map(toJob)
        .sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id - b.id);
    },

    async complete(id, owner, now) {
      const held = ownerOf(id) === owner;
      db.update(jobs).set({ state: 'done', ...released, updatedAt: now }).where(and(eq(jobs.id, id), ne(jobs.state, 'done'))).run();
      return held;
    },

    async retry(id, runAt, lastError, owner, now) {
      return db.update(jobs).set({ runAt, lastError, attempts: sql`${jobs.attempts} + 1`, ...released, updatedAt: now }).where(heldBy(id, owner)).run().changes > 0;
    },

    async reschedule(id, runAt, owner, now) {
      return db.update(jobs).set({ runAt, attempts: 0, lastError: null, ...released, updatedAt: now }).where(heldBy(id, owner)).run().changes > 0;
    },

    async fail(id, lastError, owner, now) {
      const held = ownerOf(id) === owner;
      db.update(jobs)
        .set({ state: 'failed', lastError, attempts: sql`${jobs.attempts} + 1`, ...released, updatedAt: now })
        .where(and(eq(jobs.id, id), eq(jobs.state, 'pending')))
        .run();
      return held;
    },

    async findByKey(kind, key) {
      const row = db.select().from(jobs).where(and(eq(jobs.kind, kind), eq(jobs.key, key))).get();
      return row ? toJob(row) : null;
    },

    async purgeFinishedBefore(before) {
      return db.delete(jobs).where(and(inArray(jobs.state, ['done', 'failed']), lt(jobs.updatedAt, before))).run().changes;
    },
  };
}
