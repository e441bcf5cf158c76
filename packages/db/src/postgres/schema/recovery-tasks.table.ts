import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { customers } from './customers.table.ts';
import { reviews } from './reviews.table.ts';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

/** A low score turned into work for a supervisor; one per review, whatever arrives twice. */
export const recoveryTasks = pgTable(
  'recovery_tasks',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    reviewId: id('review_id')
      .notNull()
      .unique('recovery_tasks_review_uq')
      .references(() => reviews.id),
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id),
    customerId: id('customer_id')
      .notNull()
      .references(() => customers.id),
    score: integer('score').notNull(),
    state: text('state', { enum: ['open', 'done'] }).notNull().default('open'),
    assigneeId: id('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: instant('created_at').notNull(),
    closedAt: instant('closed_at'),
    closedBy: id('closed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('recovery_tasks_state_idx').on(t.state, t.id)],
);
