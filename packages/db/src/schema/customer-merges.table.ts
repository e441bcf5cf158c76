import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { mergeReasons, type MergeEvidence, type MergeMoves } from '@keluh/core';
import { customers } from './customers.table.ts';
import { users } from './users.table.ts';

/** Every merge of one customer into another, with exactly what moved, so an undo restores it (docs/customers.md). */
export const customerMerges = sqliteTable(
  'customer_merges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    survivorId: integer('survivor_id')
      .notNull()
      .references(() => customers.id),
    mergedId: integer('merged_id')
      .notNull()
      .references(() => customers.id),
    reason: text('reason', { enum: mergeReasons }).notNull(),
    evidence: text('evidence', { mode: 'json' }).$type<MergeEvidence>().notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    moved: text('moved', { mode: 'json' }).$type<MergeMoves>().notNull(),
    createdAt: text('created_at').notNull(),
    undoneAt: text('undone_at'),
    undoneByUserId: integer('undone_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('customer_merges_survivor_idx').on(t.survivorId, t.id), index('customer_merges_merged_idx').on(t.mergedId, t.id)],
);
