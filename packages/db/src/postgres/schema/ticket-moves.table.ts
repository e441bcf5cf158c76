import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { ticketMoveKinds, ticketStatuses } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

/** Each ticket merge and split with exactly what moved, so its undo puts it back (docs/customers.md §Threading). */
export const ticketMoves = pgTable(
  'ticket_moves',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: ticketMoveKinds }).notNull(),
    sourceTicketId: id('source_ticket_id')
      .notNull()
      .references(() => tickets.id),
    targetTicketId: id('target_ticket_id')
      .notNull()
      .references(() => tickets.id),
    messageIds: jsonb<number[]>('message_ids').notNull(),
    sourceStatusBefore: text('source_status_before', { enum: ticketStatuses }).notNull(),
    actorUserId: id('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
    undoneAt: instant('undone_at'),
    undoneByUserId: id('undone_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  // A ticket's moves are listed from either side.
  (t) => [index('ticket_moves_source_idx').on(t.sourceTicketId, t.id), index('ticket_moves_target_idx').on(t.targetTicketId, t.id)],
);
