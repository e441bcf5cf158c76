import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { suggestionReasons, suggestionStates, type CustomerSuggestion } from '@keluh/core';
import { customers } from './customers.table.ts';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

/** Probable matches waiting for an agent's decision, and the decisions (docs/customers.md §Suggestions). */
export const customerSuggestions = sqliteTable(
  'customer_suggestions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => customers.id),
    /** `lowerId:higherId`: A-with-B and B-with-A are one pair. */
    pairKey: text('pair_key').notNull(),
    reason: text('reason', { enum: suggestionReasons }).notNull(),
    evidence: text('evidence', { mode: 'json' }).$type<CustomerSuggestion['evidence']>().notNull(),
    state: text('state', { enum: suggestionStates }).notNull().default('pending'),
    decidedByUserId: integer('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: text('decided_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    // One open question per pair, and a rejected pair is never asked again: both rest on this constraint.
    uniqueIndex('customer_suggestions_pair_uq').on(t.pairKey).where(sql`${t.state} in ('pending', 'rejected')`),
    index('customer_suggestions_ticket_idx').on(t.ticketId, t.state),
  ],
);
