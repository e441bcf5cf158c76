import { eq } from 'drizzle-orm';
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
  };
}
