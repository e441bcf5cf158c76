import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { channelKinds } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';
import { tickets } from './tickets.table.ts';

/**
 * What each resolved complaint taught (core's ResolutionRecord), one per ticket. The generated
 * `search` tsvector over `search_text` and its GIN index are in the custom migration
 * 0002_resolution_search.sql: the SQLite schema has no such column, and the two must stay in parity.
 */
export const resolutionRecords = pgTable(
  'resolution_records',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    ticketId: id('ticket_id')
      .notNull()
      .unique('resolution_records_ticket_uq')
      .references(() => tickets.id),
    customerId: id('customer_id').notNull(),
    channel: text('channel', { enum: channelKinds }).notNull(),
    subject: text('subject').notNull(),
    category: text('category'),
    facts: jsonb<Record<string, string>>('facts').notNull(),
    rootCause: text('root_cause'),
    rootCauseNote: text('root_cause_note'),
    solution: text('solution'),
    customerText: text('customer_text').notNull(),
    timeToFixMs: integer('time_to_fix_ms').notNull(),
    promiseKept: boolean('promise_kept'),
    rating: integer('rating'),
    resolvedAt: instant('resolved_at').notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [index('resolution_records_category_idx').on(t.category, sql`${t.resolvedAt} desc`)],
);
