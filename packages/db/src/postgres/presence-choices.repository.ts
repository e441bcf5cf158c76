import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import type { PresenceChoiceRepository } from '@keluh/core';
import { users } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createPresenceChoiceRepository(db: PgDb): PresenceChoiceRepository {
  return {
    async get(userId) {
      const [row] = await db.select({ choice: users.presenceChoice }).from(users).where(eq(users.id, userId));
      return row?.choice ?? null;
    },

    async set(userId, choice) {
      const rows = await db.update(users).set({ presenceChoice: choice }).where(eq(users.id, userId)).returning({ id: users.id });
      return rows.length > 0;
    },

    async settle(userId, status, at) {
      // Under READ COMMITTED a concurrent settle waits for this row and re-checks the condition on its new value.
      const rows = await db
        .update(users)
        .set({ presenceStatus: status, presenceSince: at })
        .where(and(eq(users.id, userId), ne(users.presenceStatus, status)))
        .returning({ id: users.id });
      return rows.length > 0;
    },

    async listSettled() {
      const rows = await db.select({ userId: users.id, status: users.presenceStatus, since: users.presenceSince }).from(users).where(isNotNull(users.presenceSince)).orderBy(asc(users.id));
      return rows.map((row) => ({ ...row, since: row.since! }));
    },
  };
}
