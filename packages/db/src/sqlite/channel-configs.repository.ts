import { asc, eq } from 'drizzle-orm';
import type { ChannelConfigRepository } from '@keluh/core';
import { channelConfigs } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createChannelConfigRepository(db: SqliteDb): ChannelConfigRepository {
  const get = (kind: string) => db.select().from(channelConfigs).where(eq(channelConfigs.kind, kind as never)).get() ?? null;
  return {
    async list() {
      return db.select().from(channelConfigs).orderBy(asc(channelConfigs.kind)).all();
    },
    async get(kind) {
      return get(kind);
    },
    async upsert(kind, settings, now) {
      return db
        .insert(channelConfigs)
        .values({ kind, settings, status: 'active', statusReason: null, updatedAt: now })
        .onConflictDoUpdate({ target: channelConfigs.kind, set: { settings, status: 'active', statusReason: null, updatedAt: now } })
        .returning()
        .get();
    },
    async setStatus(kind, status, reason, now) {
      db.update(channelConfigs).set({ status, statusReason: reason, updatedAt: now }).where(eq(channelConfigs.kind, kind)).run();
    },
  };
}
