import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { OutboxRepository } from '@keluh/core';
import { outbox } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createOutboxRepository(db: SqliteDb): OutboxRepository {
  const heldBy = (id: number, owner: string) => and(eq(outbox.id, id), eq(outbox.leaseOwner, owner), eq(outbox.state, 'pending'));
  const released = { leaseOwner: null, leaseUntil: null };

  return {
    async enqueue(input, now) {
      return db
        .insert(outbox)
        .values({ messageId: input.messageId, channel: input.channel, availableAt: input.availableAt, createdAt: now })
        .returning()
        .get();
    },

    async claimDue(now, limit, lease) {
      // One UPDATE under SQLite's single writer is the claim: no other claimer can interleave with it.
      const due = db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.state, 'pending'), lte(outbox.availableAt, now), isNull(outbox.leaseOwner)))
        .orderBy(asc(outbox.availableAt), asc(outbox.id))
        .limit(limit);
      return db
        .update(outbox)
        .set({ leaseOwner: lease.owner, leaseUntil: lease.until })
        .where(inArray(outbox.id, due))
        .returning()
        .all()
        .sort((a, b) => a.availableAt.localeCompare(b.availableAt) || a.id - b.id);
    },

    async releaseExpired(now, availableAt) {
      return db
        .update(outbox)
        .set({ availableAt, ...released })
        .where(and(eq(outbox.state, 'pending'), isNotNull(outbox.leaseOwner), lte(outbox.leaseUntil, now)))
        .run().changes;
    },

    async markDone(id, owner) {
      const held = db.select({ owner: outbox.leaseOwner }).from(outbox).where(eq(outbox.id, id)).get()?.owner === owner;
      db.update(outbox).set({ state: 'done', ...released }).where(eq(outbox.id, id)).run();
      return held;
    },

    async reschedule(id, availableAt, lastError, owner) {
      return db.update(outbox).set({ availableAt, lastError, attempts: sql`${outbox.attempts} + 1`, ...released }).where(heldBy(id, owner)).run().changes > 0;
    },

    async postpone(id, availableAt, owner) {
      return db.update(outbox).set({ availableAt, ...released }).where(heldBy(id, owner)).run().changes > 0;
    },

    async markFailed(id, lastError, owner) {
      const held = db.select({ owner: outbox.leaseOwner }).from(outbox).where(eq(outbox.id, id)).get()?.owner === owner;
      db.update(outbox).set({ state: 'failed', lastError, attempts: sql`${outbox.attempts} + 1`, ...released }).where(eq(outbox.id, id)).run();
      return held;
    },

    async listPending(limit) {
      return db.select().from(outbox).where(eq(outbox.state, 'pending')).orderBy(asc(outbox.availableAt), asc(outbox.id)).limit(limit).all();
    },
  };
}
