import { and, desc, eq, inArray } from 'drizzle-orm';
import type { RecoveryTaskRepository } from '@keluh/core';
import { recoveryTasks, tickets } from './schema/index.ts';
import { scopeCondition } from '../shared/ticket-scope.sql.ts';
import type { PgDb } from './pg-db.ts';

export function createRecoveryTaskRepository(db: PgDb): RecoveryTaskRepository {
  return {
    async openIfAbsent(input, now) {
      // The unique review_id decides: a score delivered twice (even by two processes at once) opens one task.
      const [row] = await db.insert(recoveryTasks).values({ ...input, createdAt: now }).onConflictDoNothing().returning();
      return row ?? null;
    },
    async findById(id) {
      const [row] = await db.select().from(recoveryTasks).where(eq(recoveryTasks.id, id));
      return row ?? null;
    },
    async list({ state, limit, scope }) {
      const scoped = scopeCondition(scope, tickets);
      return db
        .select()
        .from(recoveryTasks)
        .where(and(state ? eq(recoveryTasks.state, state) : undefined, scoped ? inArray(recoveryTasks.ticketId, db.select({ id: tickets.id }).from(tickets).where(scoped)) : undefined))
        .orderBy(desc(recoveryTasks.id))
        .limit(limit);
    },
    async assign(id, assigneeId) {
      const [row] = await db.update(recoveryTasks).set({ assigneeId }).where(eq(recoveryTasks.id, id)).returning();
      return row ?? null;
    },
    async close(id, note, by, now) {
      const [row] = await db
        .update(recoveryTasks)
        .set({ state: 'done', note, closedAt: now, closedBy: by })
        .where(and(eq(recoveryTasks.id, id), eq(recoveryTasks.state, 'open')))
        .returning();
      return row ?? null;
    },
  };
}
