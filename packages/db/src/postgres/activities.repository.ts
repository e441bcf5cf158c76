import { asc, eq } from 'drizzle-orm';
import type { TicketActivity, TicketActivityRepository } from '@keluh/core';
import { ticketActivities } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createTicketActivityRepository(db: PgDb): TicketActivityRepository {
  return {
    async record(activity) {
      const [row] = await db.insert(ticketActivities).values(activity).returning();
      return row as TicketActivity;
    },

    async listForTicket(ticketId) {
      return (await db.select().from(ticketActivities).where(eq(ticketActivities.ticketId, ticketId)).orderBy(asc(ticketActivities.id))) as TicketActivity[];
    },
  };
}
