import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { OutboxItem, OutboxRepository } from '@keluh/core';
import { outbox } from './schema/index.ts';
import { prepared, type PgDb } from './pg-db.ts';

const released = { leaseOwner: null, leaseUntil: null };

export function createOutboxRepository(db: PgDb): OutboxRepository {
  const heldBy = (id: number, owner: string) => and(eq(outbox.id, id), eq(outbox.leaseOwner, owner), eq(outbox.state, 'pending'));

  // Polled by every process's outbox worker: kept as one named statement per connection.
  const claim = prepared(() => {
    const now = sql.placeholder('now');
    // SKIP LOCKED: rows another claimer is taking right now are passed over instead of waited for, so
    // concurrent claimers split the due rows between them. A row it took and committed meanwhile is
    // re-checked against the lease condition and dropped.
    const due = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.state, 'pending'), lte(outbox.availableAt, now), isNull(outbox.leaseOwner)))
      .orderBy(asc(outbox.availableAt), asc(outbox.id))
      .limit(sql.placeholder('limit'))
      .for('update', { skipLocked: true });
    return db
      .update(outbox)
      .set({ leaseOwner: sql`${sql.placeholder('owner')}`, leaseUntil: sql`${sql.placeholder('until')}` })
      .where(inArray(outbox.id, due))
      .returning()
      .prepare('outbox_claim_due');
  });

  /**
   * Applies a terminal outcome whoever holds the lease, and says whether `owner` still did: the prior
   * owner is read under the row lock in the same statement, so no claim can slip in between.
   */
  async function settleTerminal(id: number, owner: string, change: PgUpdateSetSource<typeof outbox>): Promise<boolean> {
    const prior = db.select({ id: outbox.id, owner: outbox.leaseOwner }).from(outbox).where(eq(outbox.id, id)).for('update').as('prior');
    const [row] = await db
      .update(outbox)
      .set({ ...change, ...released })
      .from(prior)
      .where(eq(outbox.id, prior.id))
      .returning({ owner: prior.owner });
    return row?.owner === owner;
  }

  return {
    async enqueue(input, now) {
      const [row] = await db.insert(outbox).values({ messageId: input.messageId, channel: input.channel, availableAt: input.availableAt, createdAt: now }).returning();
      return row!;
    },

    async claimDue(now, limit, lease) {
      const rows: OutboxItem[] = await claim().execute({ now, limit, owner: lease.owner, until: lease.until });
      return rows.sort((a, b) => a.availableAt.localeCompare(b.availableAt) || a.id - b.id);
    },

    async releaseExpired(now, availableAt) {
      const rows = await db
        .update(outbox)
        .set({ availableAt, ...released })
        .where(and(eq(outbox.state, 'pending'), isNotNull(outbox.leaseOwner), lte(outbox.leaseUntil, now)))
        .returning({ id: outbox.id });
      return rows.length;
    },

    async markDone(id, owner) {
      return settleTerminal(id, owner, { state: 'done' });
    },

    async reschedule(id, availableAt, lastError, owner) {
      const rows = await db
        .update(outbox)
        .set({ availableAt, lastError, attempts: sql`${outbox.attempts} + 1`, ...released })
        .where(heldBy(id, owner))
        .returning({ id: outbox.id });
      return rows.length > 0;
    },

    async postpone(id, availableAt, owner) {
      const rows = await db.update(outbox).set({ availableAt, ...released }).where(heldBy(id, owner)).returning({ id: outbox.id });
      return rows.length > 0;
    },

    async markFailed(id, lastError, owner) {
      return settleTerminal(id, owner, { state: 'failed', lastError, attempts: sql`${outbox.attempts} + 1` });
    },

    async listPending(limit) {
      return db.select().from(outbox).where(eq(outbox.state, 'pending')).orderBy(asc(outbox.availableAt), asc(outbox.id)).limit(limit);
    },
  };
}
