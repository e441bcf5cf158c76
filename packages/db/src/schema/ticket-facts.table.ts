import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

/** One value per (ticket, fact key): confirming again replaces it. */
export const ticketFacts = sqliteTable(
  'ticket_facts',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: text('value').notNull(),
    source: text('source', { enum: ['agent', 'detected'] }).notNull(),
    // No foreign key: messages are never deleted, and the fact keeps its value even if one were.
    sourceMessageId: integer('source_message_id'),
    confirmedBy: integer('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: text('confirmed_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'ticket_facts_pk', columns: [t.ticketId, t.key] }),
    // The same order number on another customer's ticket is a probable match (docs/customers.md §Suggestions).
    index('ticket_facts_key_value_idx').on(t.key, t.value),
  ],
);
