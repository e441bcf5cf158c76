import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { WorkflowStage } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

export const ticketNotes = pgTable(
  'ticket_notes',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorUserId: id('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    stage: integer('stage').$type<WorkflowStage>().notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('ticket_notes_ticket_idx').on(t.ticketId, t.id)],
);
