import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { mergeReasons, type MergeEvidence, type MergeMoves } from '@keluh/core';
import { customers } from './customers.table.ts';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';
import { users } from './users.table.ts';

/** Every merge of one customer into another, with exactly what moved, so an undo restores it (docs/customers.md). */
export const customerMerges = pgTable(
  'customer_merges',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    survivorId: id('survivor_id')
      .notNull()
      .references(() => customers.id),
    mergedId: id('merged_id')
      .notNull()
      .references(() => customers.id),
    reason: text('reason', { enum: mergeReasons }).notNull(),
    evidence: jsonb<MergeEvidence>('evidence').notNull(),
    actorUserId: id('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    moved: jsonb<MergeMoves>('moved').notNull(),
    createdAt: instant('created_at').notNull(),
    undoneAt: instant('undone_at'),
    undoneByUserId: id('undone_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('customer_merges_survivor_idx').on(t.survivorId, t.id), index('customer_merges_merged_idx').on(t.mergedId, t.id)],
);
