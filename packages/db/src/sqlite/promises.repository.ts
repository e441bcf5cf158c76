import { and, asc, desc, eq, getTableColumns, isNull, type SQL } from 'drizzle-orm';
import type { PromiseRepository, TicketPromise } from '@keluh/core';
import { promises, users } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createPromiseRepository(db: SqliteDb): PromiseRepository {
  const withOwner = (where: SQL | undefined) =>
    db
      .select({ ...getTableColumns(promises), ownerName: users.name })
      .from(promises)
      .innerJoin(users, eq(users.id, promises.ownerUserId))
      .where(where);
  const byId = (id: number): TicketPromise | null => withOwner(eq(promises.id, id)).get() ?? null;
  const open = (id: number) => and(eq(promises.id, id), eq(promises.state, 'open'));

  return {
    async createIfNoneOpen(input, now) {
      // The partial unique index decides between two agents promising at once: the second does nothing.
      const [row] = db
        .insert(promises)
        .values({ ...input, state: 'open', createdAt: now })
        .onConflictDoNothing()
        .returning({ id: promises.id })
        .all();
      return row ? byId(row.id) : null;
    },

    async findById(id) {
      return byId(id);
    },

    async latestForTicket(ticketId) {
      return withOwner(eq(promises.ticketId, ticketId)).orderBy(desc(promises.id)).limit(1).get() ?? null;
    },

    async listForTicket(ticketId) {
      return withOwner(eq(promises.ticketId, ticketId)).orderBy(asc(promises.id)).all();
    },

    async settle(id, state, by, now) {
      // Compare-and-set on the open state: of two agents settling at once, one wins, the other sees null.
      const changed = db.update(promises).set({ state, settledAt: now, settledBy: by }).where(open(id)).run().changes;
      return changed === 1 ? byId(id) : null;
    },

    async markReminded(id, now) {
      return db.update(promises).set({ remindedAt: now }).where(and(open(id), isNull(promises.remindedAt))).run().changes === 1;
    },

    async markOverdue(id, now) {
      return db.update(promises).set({ overdueAt: now }).where(and(open(id), isNull(promises.overdueAt))).run().changes === 1;
    },
  };
}
