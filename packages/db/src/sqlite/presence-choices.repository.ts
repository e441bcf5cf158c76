import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import type { PresenceChoiceRepository } from '@keluh/core';
import { users } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createPresenceChoiceRepository(db: SqliteDb): PresenceChoiceRepository {
  return {
    async get(userId) {
      return db.select({ choice: users.presenceChoice }).from(users).where(eq(users.id, userId)).get()?.choice ?? null;
    },

    async set(userId, choice) {
      return db.update(users).set({ presenceChoice: choice }).where(eq(users.id, userId)).run().changes > 0;
    },

    async settle(userId, status, at) {
      return db.update(users).set({ presenceStatus: status, presenceSince: at }).where(and(eq(users.id, userId), ne(users.presenceStatus, status))).run().changes > 0;
    },

    async listSettled() {
      const rows = db.select({ userId: users.id, status: users.presenceStatus, since: users.presenceSince }).from(users).where(isNotNull(users.presenceSince)).orderBy(asc(users.id)).all();
      return rows.map((row) => ({ ...row, since: row.since! }));
    },
  };
}
