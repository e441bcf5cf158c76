import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { WorkflowStage } from '@keluh/core';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

export const ticketNotes = sqliteTable(
  'ticket_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorUserId: integer('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    stage: integer('stage').$type<WorkflowStage>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('ticket_notes_ticket_idx').on(t.ticketId, t.id)],
);
