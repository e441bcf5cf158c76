import { asc, eq } from 'drizzle-orm';
import type { TicketActivity, TicketActivityRepository } from '@keluh/core';
import { ticketActivities } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createTicketActivityRepository(db: SqliteDb): TicketActivityRepository {
  return {
    async record(activity) {
      return db.insert(ticketActivities).values(activity).returning().get() as TicketActivity;
    },

    async listForTicket(ticketId) {
      return db.select().from(ticketActivities).where(eq(ticketActivities.ticketId, ticketId)).orderBy(asc(ticketActivities.id)).all() as TicketActivity[];
    },
  };
}
