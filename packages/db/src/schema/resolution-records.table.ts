import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { channelKinds } from '@keluh/core';
import { tickets } from './tickets.table.ts';

/**
 * What each resolved complaint taught (core's ResolutionRecord), one per ticket. `search_text` is the
 * folded document core's resolutionSearchText builds; the FTS5 index over it (external content,
 * resolution_search) and the triggers keeping it in step are in the custom migration
 * 0007_resolution_search.sql, which drizzle-kit cannot express.
 */
export const resolutionRecords = sqliteTable(
  'resolution_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .unique('resolution_records_ticket_uq')
      .references(() => tickets.id),
    customerId: integer('customer_id').notNull(),
    channel: text('channel', { enum: channelKinds }).notNull(),
    subject: text('subject').notNull(),
    category: text('category'),
    facts: text('facts', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    rootCause: text('root_cause'),
    rootCauseNote: text('root_cause_note'),
    solution: text('solution'),
    customerText: text('customer_text').notNull(),
    timeToFixMs: integer('time_to_fix_ms').notNull(),
    promiseKept: integer('promise_kept', { mode: 'boolean' }),
    rating: integer('rating'),
    resolvedAt: text('resolved_at').notNull(),
    searchText: text('search_text').notNull(),
  },
  // The due-time suggestion reads a category's most recent times to fix.
  (t) => [index('resolution_records_category_idx').on(t.category, sql`${t.resolvedAt} desc`)],
);
