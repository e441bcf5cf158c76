import { eq } from 'drizzle-orm';
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
  };
}
