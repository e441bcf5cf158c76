import { and, desc, eq, inArray } from 'drizzle-orm';
import type { RecoveryTaskRepository } from '@keluh/core';
import { recoveryTasks, tickets } from '../schema/index.ts';
import { scopeCondition } from '../shared/ticket-scope.sql.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createRecoveryTaskRepository(db: SqliteDb): RecoveryTaskRepository {
  return {
    async openIfAbsent(input, now) {
      // The unique review_id decides: a score delivered twice opens one task.
      return db.insert(recoveryTasks).values({ ...input, createdAt: now }).onConflictDoNothing().returning().get() ?? null;
    },
    async findById(id) {
      return db.select().from(recoveryTasks).where(eq(recoveryTasks.id, id)).get() ?? null;
    },
    async list({ state, limit, scope }) {
      const scoped = scopeCondition(scope, tickets);
      return db
        .select()
        .from(recoveryTasks)
        .where(and(state ? eq(recoveryTasks.state, state) : undefined, scoped ? inArray(recoveryTasks.ticketId, db.select({ id: tickets.id }).from(tickets).where(scoped)) : undefined))
        .orderBy(desc(recoveryTasks.id))
        .limit(limit)
        .all();
    },
    async assign(id, assigneeId) {
      return db.update(recoveryTasks).set({ assigneeId }).where(eq(recoveryTasks.id, id)).returning().get() ?? null;
    },
    async close(id, note, by, now) {
      return (
        db
          .update(recoveryTasks)
          .set({ state: 'done', note, closedAt: now, closedBy: by })
          .where(and(eq(recoveryTasks.id, id), eq(recoveryTasks.state, 'open')))
          .returning()
          .get() ?? null
      );
    },
  };
}
