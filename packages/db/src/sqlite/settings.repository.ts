import { eq, sql } from 'drizzle-orm';
import type { SettingsRepository } from '@keluh/core';
import { settings } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createSettingsRepository(db: SqliteDb): SettingsRepository {
  const byKey = db.select({ value: settings.value }).from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare();
  return {
    async get(key) {
      return byKey.get({ key })?.value ?? null;
    },

    async set(key, value) {
      db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    },

    async setIfAbsent(key, value) {
      db.insert(settings).values({ key, value }).onConflictDoNothing({ target: settings.key }).run();
      return byKey.get({ key })!.value;
    },
  };
}
