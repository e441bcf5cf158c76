import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { promiseStates } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

/** Promises made to customers in stage 4 (core's TicketPromise). */
export const promises = pgTable(
  'promises',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id),
    text: text('text').notNull(),
    dueAt: instant('due_at').notNull(),
    ownerUserId: id('owner_user_id')
      .notNull()
      .references(() => users.id),
    state: text('state', { enum: promiseStates }).notNull().default('open'),
    createdBy: id('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull(),
    settledAt: instant('settled_at'),
    settledBy: id('settled_by').references(() => users.id),
    remindedAt: instant('reminded_at'),
    overdueAt: instant('overdue_at'),
  },
  (t) => [
    // One open promise per ticket: two agents promising at once cannot both succeed.
    uniqueIndex('promises_one_open_per_ticket_uq').on(t.ticketId).where(sql`${t.state} = 'open'`),
    index('promises_ticket_idx').on(t.ticketId, t.id),
  ],
);
