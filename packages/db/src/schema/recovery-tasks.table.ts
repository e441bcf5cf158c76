import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers } from './customers.table.ts';
import { reviews } from './reviews.table.ts';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

/** A low score turned into work for a supervisor; one per review, whatever arrives twice. */
export const recoveryTasks = sqliteTable(
  'recovery_tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .unique('recovery_tasks_review_uq')
      .references(() => reviews.id),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    score: integer('score').notNull(),
    state: text('state', { enum: ['open', 'done'] }).notNull().default('open'),
    assigneeId: integer('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    closedAt: text('closed_at'),
    closedBy: integer('closed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('recovery_tasks_state_idx').on(t.state, t.id)],
);
