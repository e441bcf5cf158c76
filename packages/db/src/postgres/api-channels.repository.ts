import { asc, eq } from 'drizzle-orm';
import type { ApiChannelRepository } from '@keluh/core';
import { apiChannels } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createApiChannelRepository(db: PgDb): ApiChannelRepository {
  return {
    async create(input, now) {
      const [row] = await db.insert(apiChannels).values({ ...input, createdAt: now, updatedAt: now }).returning();
      return row!;
    },

    async findById(id) {
      const [row] = await db.select().from(apiChannels).where(eq(apiChannels.id, id));
      return row ?? null;
    },

    async list() {
      return db.select().from(apiChannels).orderBy(asc(apiChannels.id));
    },

    async update(id, patch, now) {
      const [row] = await db.update(apiChannels).set({ ...patch, updatedAt: now }).where(eq(apiChannels.id, id)).returning();
      return row ?? null;
    },

    async delete(id) {
      return ((await db.delete(apiChannels).where(eq(apiChannels.id, id))).rowCount ?? 0) > 0;
    },
  };
}
