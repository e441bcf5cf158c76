import { and, asc, eq } from 'drizzle-orm';
import type { FactRepository } from '@keluh/core';
import { ticketFacts } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createFactRepository(db: PgDb): FactRepository {
  return {
    async upsert(fact) {
      const { ticketId: _ticketId, key: _key, ...rest } = fact;
      const [row] = await db.insert(ticketFacts).values(fact).onConflictDoUpdate({ target: [ticketFacts.ticketId, ticketFacts.key], set: rest }).returning();
      return row!;
    },

    async remove(ticketId, key) {
      const rows = await db.delete(ticketFacts).where(and(eq(ticketFacts.ticketId, ticketId), eq(ticketFacts.key, key))).returning({ key: ticketFacts.key });
      return rows.length > 0;
    },

    async listForTicket(ticketId) {
      return db.select().from(ticketFacts).where(eq(ticketFacts.ticketId, ticketId)).orderBy(asc(ticketFacts.confirmedAt), asc(ticketFacts.key));
    },

    async listTicketIdsWithValue(key, value) {
      const rows = await db.select({ ticketId: ticketFacts.ticketId }).from(ticketFacts).where(and(eq(ticketFacts.key, key), eq(ticketFacts.value, value)));
      return rows.map((row) => row.ticketId);
    },
  };
}
