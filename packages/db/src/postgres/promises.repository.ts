import { and, asc, desc, eq, getTableColumns, isNull, type SQL } from 'drizzle-orm';
import type { PromiseRepository, TicketPromise } from '@keluh/core';
import { promises, users } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createPromiseRepository(db: PgDb): PromiseRepository {
  const withOwner = (where: SQL | undefined) =>
    db
      .select({ ...getTableColumns(promises), ownerName: users.name })
      .from(promises)
      .innerJoin(users, eq(users.id, promises.ownerUserId))
      .where(where);
  const byId = async (id: number): Promise<TicketPromise | null> => (await withOwner(eq(promises.id, id)))[0] ?? null;
  const open = (id: number) => and(eq(promises.id, id), eq(promises.state, 'open'));

  return {
    async createIfNoneOpen(input, now) {
      // The partial unique index decides between two agents promising at once: the second waits for the
      // first to commit, then does nothing.
      const [row] = await db
        .insert(promises)
        .values({ ...input, state: 'open', createdAt: now })
        .onConflictDoNothing()
        .returning({ id: promises.id });
      return row ? byId(row.id) : null;
    },

    findById: byId,

    async latestForTicket(ticketId) {
      const [row] = await withOwner(eq(promises.ticketId, ticketId)).orderBy(desc(promises.id)).limit(1);
      return row ?? null;
    },

    async listForTicket(ticketId) {
      return withOwner(eq(promises.ticketId, ticketId)).orderBy(asc(promises.id));
    },

    async settle(id, state, by, now) {
      // Compare-and-set on the open state: of two agents settling at once, one wins, the other sees null.
      const rows = await db.update(promises).set({ state, settledAt: now, settledBy: by }).where(open(id)).returning({ id: promises.id });
      return rows.length === 1 ? byId(id) : null;
    },

    async markReminded(id, now) {
      const rows = await db.update(promises).set({ remindedAt: now }).where(and(open(id), isNull(promises.remindedAt))).returning({ id: promises.id });
      return rows.length === 1;
    },

    async markOverdue(id, now) {
      const rows = await db.update(promises).set({ overdueAt: now }).where(and(open(id), isNull(promises.overdueAt))).returning({ id: promises.id });
      return rows.length === 1;
    },
  };
}
