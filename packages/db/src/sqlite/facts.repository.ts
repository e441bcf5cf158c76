import { and, asc, eq } from 'drizzle-orm';
import type { FactRepository } from '@keluh/core';
import { ticketFacts } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createFactRepository(db: SqliteDb): FactRepository {
  return {
    async upsert(fact) {
      const { ticketId: _ticketId, key: _key, ...rest } = fact;
      return db
        .insert(ticketFacts)
        .values(fact)
        .onConflictDoUpdate({ target: [ticketFacts.ticketId, ticketFacts.key], set: rest })
        .returning()
        .get();
    },

    async remove(ticketId, key) {
      return db.delete(ticketFacts).where(and(eq(ticketFacts.ticketId, ticketId), eq(ticketFacts.key, key))).returning({ key: ticketFacts.key }).all().length > 0;
    },

    async listForTicket(ticketId) {
      return db.select().from(ticketFacts).where(eq(ticketFacts.ticketId, ticketId)).orderBy(asc(ticketFacts.confirmedAt), asc(ticketFacts.key)).all();
    },

    async listTicketIdsWithValue(key, value) {
      const rows = db.select({ ticketId: ticketFacts.ticketId }).from(ticketFacts).where(and(eq(ticketFacts.key, key), eq(ticketFacts.value, value))).all();
      return rows.map((row) => row.ticketId);
    },
  };
}
