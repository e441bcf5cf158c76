import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DomainEventType } from '@keluh/core';

/*
 * The event log. AUTOINCREMENT (not just rowid) guarantees ids are never reused, even after the newest
 * rows are deleted, so "everything after N" stays a correct replay question forever.
 * No foreign keys: the log outlives whatever it describes.
 */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type').$type<DomainEventType>().notNull(),
    ticketId: integer('ticket_id'),
    customerId: integer('customer_id'),
    /** The ticket's team and assignee when the event was written: who may see it (sockets, replay). */
    teamId: integer('team_id'),
    assigneeId: integer('assignee_id'),
    payload: text('payload', { mode: 'json' }).$type<unknown>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('events_customer_idx').on(t.customerId, t.id)],
);
