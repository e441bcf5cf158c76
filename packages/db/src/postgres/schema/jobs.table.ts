import { index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { jobKinds } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';

/** Background work claimed with a lease (core's JobRepository): downloads, look-ups, janitors, timers. */
export const jobs = pgTable(
  'jobs',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: jobKinds }).notNull(),
    key: text('key').notNull(),
    payload: jsonb<Record<string, unknown>>('payload').notNull(),
    state: text('state', { enum: ['pending', 'done', 'failed'] }).notNull().default('pending'),
    runAt: instant('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    leaseOwner: text('lease_owner'),
    leaseUntil: instant('lease_until'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    // Exactly once: the same (kind, key) can never be scheduled twice, even after it ran.
    unique('jobs_kind_key_uq').on(t.kind, t.key),
    index('jobs_due_idx').on(t.state, t.runAt),
  ],
);
