import { eq, sql } from 'drizzle-orm';
import type { SettingsRepository } from '@keluh/core';
import { settings } from './schema/index.ts';
import { prepared, type PgDb } from './pg-db.ts';

export function createSettingsRepository(db: PgDb): SettingsRepository {
  const byKey = prepared(() => db.select({ value: settings.value }).from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare('settings_by_key'));
  const read = async (key: string) => (await byKey().execute({ key }))[0]?.value ?? null;

  return {
    get: read,

    async set(key, value) {
      await db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
    },

    async setIfAbsent(key, value) {
      // A second process inserting the same key at once waits for the first; then the read sees its value.
      await db.insert(settings).values({ key, value }).onConflictDoNothing({ target: settings.key });
      return (await read(key))!;
    },
  };
}
