import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ticketMoveKinds, ticketStatuses } from '@keluh/core';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

/** Each ticket merge and split with exactly what moved, so its undo puts it back (docs/customers.md §Threading). */
export const ticketMoves = sqliteTable(
  'ticket_moves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ticketMoveKinds }).notNull(),
    sourceTicketId: integer('source_ticket_id')
      .notNull()
      .references(() => tickets.id),
    targetTicketId: integer('target_ticket_id')
      .notNull()
      .references(() => tickets.id),
    messageIds: text('message_ids', { mode: 'json' }).$type<number[]>().notNull(),
    sourceStatusBefore: text('source_status_before', { enum: ticketStatuses }).notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
    undoneAt: text('undone_at'),
    undoneByUserId: integer('undone_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  // A ticket's moves are listed from either side.
  (t) => [index('ticket_moves_source_idx').on(t.sourceTicketId, t.id), index('ticket_moves_target_idx').on(t.targetTicketId, t.id)],
);
