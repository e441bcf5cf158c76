import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { promiseStates } from '@keluh/core';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

/** Promises made to customers in stage 4 (core's TicketPromise). */
export const promises = sqliteTable(
  'promises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    text: text('text').notNull(),
    dueAt: text('due_at').notNull(),
    ownerUserId: integer('owner_user_id')
      .notNull()
      .references(() => users.id),
    state: text('state', { enum: promiseStates }).notNull().default('open'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    settledAt: text('settled_at'),
    settledBy: integer('settled_by').references(() => users.id),
    remindedAt: text('reminded_at'),
    overdueAt: text('overdue_at'),
  },
  (t) => [
    // One open promise per ticket: two agents promising at once cannot both succeed.
    uniqueIndex('promises_one_open_per_ticket_uq').on(t.ticketId).where(sql`${t.state} = 'open'`),
    index('promises_ticket_idx').on(t.ticketId, t.id),
  ],
);
