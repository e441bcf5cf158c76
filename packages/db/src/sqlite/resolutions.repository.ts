import { desc, eq, getTableColumns } from 'drizzle-orm';
import { resolutionSearchText, type NewResolutionRecord, type ResolutionRecord, type ResolutionRepository } from '@keluh/core';
import { resolutionRecords } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

// The indexed document is the index's business; records are read without it.
const { searchText: _searchText, ...recordColumns } = getTableColumns(resolutionRecords);

export function createResolutionRepository(db: SqliteDb): ResolutionRepository {
  const select = () => db.select(recordColumns).from(resolutionRecords);
  return {
    async save(record: NewResolutionRecord) {
      const { ticketId, ...rest } = record;
      const values = { ...rest, searchText: resolutionSearchText(record) };
      // One row per ticket, replaced in place (its id, which a linked case points at, stays); the FTS5
      // triggers swap the indexed text in the same statement.
      const [saved] = db
        .insert(resolutionRecords)
        .values({ ticketId, ...values })
        .onConflictDoUpdate({ target: resolutionRecords.ticketId, set: values })
        .returning(recordColumns)
        .all();
      return saved as ResolutionRecord;
    },

    async findById(id) {
      return select().where(eq(resolutionRecords.id, id)).get() ?? null;
    },

    async findByTicket(ticketId) {
      return select().where(eq(resolutionRecords.ticketId, ticketId)).get() ?? null;
    },

    async setRating(ticketId, rating) {
      db.update(resolutionRecords).set({ rating }).where(eq(resolutionRecords.ticketId, ticketId)).run();
    },

    async setPromiseKept(ticketId, kept) {
      db.update(resolutionRecords).set({ promiseKept: kept }).where(eq(resolutionRecords.ticketId, ticketId)).run();
    },

    async listTimesToFix(category, limit) {
      const rows = db
        .select({ ms: resolutionRecords.timeToFixMs })
        .from(resolutionRecords)
        .where(eq(resolutionRecords.category, category))
        .orderBy(desc(resolutionRecords.resolvedAt))
        .limit(limit)
        .all();
      return rows.map((row) => row.ms);
    },
  };
}
