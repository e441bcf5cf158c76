import { eq } from 'drizzle-orm';
import type { SettingsRepository } from '@keluh/core';
import { settings } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createSettingsRepository(db: SqliteDb): SettingsRepository {
  return {
    async get(key) {
      return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value ?? null;
    },

    async set(key, value) {
      db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    },
  };
}
