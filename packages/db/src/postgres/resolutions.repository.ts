import { desc, eq, getTableColumns } from 'drizzle-orm';
import { resolutionSearchText, type ResolutionRecord, type ResolutionRepository } from '@keluh/core';
import { resolutionRecords } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

// The indexed document is the index's business; records are read without it.
const { searchText: _searchText, ...recordColumns } = getTableColumns(resolutionRecords);

export function createResolutionRepository(db: PgDb): ResolutionRepository {
  const select = () => db.select(recordColumns).from(resolutionRecords);
  return {
    async save(record) {
      const { ticketId, ...rest } = record;
      const values = { ...rest, searchText: resolutionSearchText(record) };
      // One row per ticket, replaced in place (its id, which a linked case points at, stays); the
      // generated tsvector follows search_text in the same statement.
      const [saved] = await db
        .insert(resolutionRecords)
        .values({ ticketId, ...values })
        .onConflictDoUpdate({ target: resolutionRecords.ticketId, set: values })
        .returning(recordColumns);
      return saved as ResolutionRecord;
    },

    async findById(id) {
      const [row] = await select().where(eq(resolutionRecords.id, id));
      return row ?? null;
    },

    async findByTicket(ticketId) {
      const [row] = await select().where(eq(resolutionRecords.ticketId, ticketId));
      return row ?? null;
    },

    async setRating(ticketId, rating) {
      await db.update(resolutionRecords).set({ rating }).where(eq(resolutionRecords.ticketId, ticketId));
    },

    async setPromiseKept(ticketId, kept) {
      await db.update(resolutionRecords).set({ promiseKept: kept }).where(eq(resolutionRecords.ticketId, ticketId));
    },

    async listTimesToFix(category, limit) {
      const rows = await db
        .select({ ms: resolutionRecords.timeToFixMs })
        .from(resolutionRecords)
        .where(eq(resolutionRecords.category, category))
        .orderBy(desc(resolutionRecords.resolvedAt))
        .limit(limit);
      return rows.map((row) => row.ms);
    },
  };
}
