import { and, asc, eq, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Job, JobRepository } from '@keluh/core';
import { jobs } from './schema/index.ts';
import { prepared, type PgDb } from './pg-db.ts';

const released = { leaseOwner: null, leaseUntil: null };

export function createJobRepository(db: PgDb): JobRepository {
  const heldBy = (id: number, owner: string) => and(eq(jobs.id, id), eq(jobs.leaseOwner, owner), eq(jobs.state, 'pending'));

  // Polled by every process's job runner: one named statement, the kinds bound as a text[].
  const claim = prepared(() => {
    const now = sql.placeholder('now');
    // SKIP LOCKED: jobs another claimer is taking right now are passed over, so concurrent claimers split
    // the due jobs; one taken and committed meanwhile is re-checked against the lease condition and dropped.
    const due = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          eq(jobs.state, 'pending'),
          sql`${jobs.kind} = any(${sql.placeholder('kinds')}::text[])`,
          lte(jobs.runAt, now),
          or(isNull(jobs.leaseUntil), lte(jobs.leaseUntil, now)),
        ),
      )
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(sql.placeholder('limit'))
      .for('update', { skipLocked: true });
    return db
      .update(jobs)
      .set({ leaseOwner: sql`${sql.placeholder('owner')}`, leaseUntil: sql`${sql.placeholder('until')}` })
      .where(inArray(jobs.id, due))
      .returning()
      .prepare('jobs_claim_due');
  });

  /**
   * Applies a terminal outcome whoever holds the lease, and says whether `owner` still did: the prior
   * owner is read under the row lock in the same statement, so no claim can slip in between.
   */
  async function settleTerminal(id: number, owner: string, change: PgUpdateSetSource<typeof jobs>, unless: SQL): Promise<boolean> {
    const prior = db.select({ id: jobs.id, owner: jobs.leaseOwner }).from(jobs).where(eq(jobs.id, id)).for('update').as('prior');
    const [row] = await db
      .update(jobs)
      .set({ ...change, ...released })
      .from(prior)
      .where(and(eq(jobs.id, prior.id), unless))
      .returning({ owner: prior.owner });
    return row?.owner === owner;
  }

  const changedAny = (rows: unknown[]) => rows.length > 0;

  return {
    async schedule(job, now) {
      await db
        .insert(jobs)
        .values({ kind: job.kind, key: job.key, payload: job.payload ?? {}, runAt: job.runAt, createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: [jobs.kind, jobs.key] });
    },

    async claimDue(kinds, now, limit, lease) {
      const rows: Job[] = await claim().execute({ kinds: [...kinds], now, limit, owner: lease.owner, until: lease.until });
      return rows.sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id - b.id);
    },

    async complete(id, owner, now) {
      return settleTerminal(id, owner, { state: 'done', updatedAt: now }, ne(jobs.state, 'done'));
    },

    async retry(id, runAt, lastError, owner, now) {
      const rows = await db
        .update(jobs)
        .set({ runAt, lastError, attempts: sql`${jobs.attempts} + 1`, ...released, updatedAt: now })
        .where(heldBy(id, owner))
        .returning({ id: jobs.id });
      return changedAny(rows);
    },

    async reschedule(id, runAt, owner, now) {
      const rows = await db
        .update(jobs)
        .set({ runAt, attempts: 0, lastError: null, ...released, updatedAt: now })
        .where(heldBy(id, owner))
        .returning({ id: jobs.id });
      return changedAny(rows);
    },

    async fail(id, lastError, owner, now) {
      return settleTerminal(id, owner, { state: 'failed', lastError, attempts: sql`${jobs.attempts} + 1`, updatedAt: now }, eq(jobs.state, 'pending'));
    },

    async findByKey(kind, key) {
      const [row] = await db.select().from(jobs).where(and(eq(jobs.kind, kind), eq(jobs.key, key)));
      return row ?? null;
    },

    async purgeFinishedBefore(before) {
      return (await db.delete(jobs).where(and(inArray(jobs.state, ['done', 'failed']), lt(jobs.updatedAt, before)))).rowCount ?? 0;
    },
  };
}
