import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

/** One value per (ticket, fact key): confirming again replaces it. */
export const ticketFacts = pgTable(
  'ticket_facts',
  {
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: text('value').notNull(),
    source: text('source', { enum: ['agent', 'detected'] }).notNull(),
    sourceMessageId: id('source_message_id'),
    confirmedBy: id('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: instant('confirmed_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'ticket_facts_pk', columns: [t.ticketId, t.key] }),
    // The same order number on another customer's ticket is a probable match (docs/customers.md §Suggestions).
    index('ticket_facts_key_value_idx').on(t.key, t.value),
  ],
);
