import { asc, eq } from 'drizzle-orm';
import type { ChannelConfigRepository } from '@keluh/core';
import { channelConfigs } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createChannelConfigRepository(db: PgDb): ChannelConfigRepository {
  return {
    async list() {
      return db.select().from(channelConfigs).orderBy(asc(channelConfigs.kind));
    },

    async get(kind) {
      const [row] = await db.select().from(channelConfigs).where(eq(channelConfigs.kind, kind));
      return row ?? null;
    },

    async upsert(kind, settings, now) {
      const [row] = await db
        .insert(channelConfigs)
        .values({ kind, settings, status: 'active', statusReason: null, updatedAt: now })
        .onConflictDoUpdate({ target: channelConfigs.kind, set: { settings, status: 'active', statusReason: null, updatedAt: now } })
        .returning();
      return row!;
    },

    async setStatus(kind, status, reason, now) {
      await db.update(channelConfigs).set({ status, statusReason: reason, updatedAt: now }).where(eq(channelConfigs.kind, kind));
    },
  };
}
