import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { OutboxRepository } from '@keluh/core';
import { outbox } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createOutboxRepository(db: SqliteDb): OutboxRepository {
  return {
    async enqueue(input, now) {
      return db
        .insert(outbox)
        .values({ messageId: input.messageId, channel: input.channel, availableAt: input.availableAt, createdAt: now })
        .returning()
        .get();
    },

    async listDue(now, limit) {
      return db
        .select()
        .from(outbox)
        .where(and(eq(outbox.state, 'pending'), lte(outbox.availableAt, now)))
        .orderBy(asc(outbox.availableAt), asc(outbox.id))
        .limit(limit)
        .all();
    },

    // The row keeps no settle time of its own: the message's status event records when it left.
    async markDone(id, _now) {
      db.update(outbox).set({ state: 'done' }).where(eq(outbox.id, id)).run();
    },

    async reschedule(id, availableAt, lastError) {
      db.update(outbox)
        .set({ availableAt, lastError, attempts: sql`${outbox.attempts} + 1` })
        .where(eq(outbox.id, id))
        .run();
    },

    async postpone(id, availableAt) {
      db.update(outbox).set({ availableAt }).where(eq(outbox.id, id)).run();
    },

    async markFailed(id, lastError) {
      db.update(outbox)
        .set({ state: 'failed', lastError, attempts: sql`${outbox.attempts} + 1` })
        .where(eq(outbox.id, id))
        .run();
    },
  };
}
