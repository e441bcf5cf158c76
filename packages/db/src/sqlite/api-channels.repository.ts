import { asc, eq } from 'drizzle-orm';
import type { ApiChannelRepository } from '@keluh/core';
import { apiChannels } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createApiChannelRepository(db: SqliteDb): ApiChannelRepository {
  return {
    async create(input, now) {
      return db.insert(apiChannels).values({ ...input, createdAt: now, updatedAt: now }).returning().get();
    },
    async findById(id) {
      return db.select().from(apiChannels).where(eq(apiChannels.id, id)).get() ?? null;
    },
    async list() {
      return db.select().from(apiChannels).orderBy(asc(apiChannels.id)).all();
    },
    async update(id, patch, now) {
      return db.update(apiChannels).set({ ...patch, updatedAt: now }).where(eq(apiChannels.id, id)).returning().get() ?? null;
    },
    async delete(id) {
      return db.delete(apiChannels).where(eq(apiChannels.id, id)).run().changes > 0;
    },
  };
}
