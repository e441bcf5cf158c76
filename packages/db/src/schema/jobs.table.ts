import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { jobKinds } from '@keluh/core';

/** Background work claimed with a lease (core's JobRepository): downloads, look-ups, janitors, timers. */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: jobKinds }).notNull(),
    key: text('key').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: ['pending', 'done', 'failed'] }).notNull().default('pending'),
    runAt: text('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    leaseOwner: text('lease_owner'),
    leaseUntil: text('lease_until'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // Exactly once: the same (kind, key) can never be scheduled twice, even after it ran.
    unique('jobs_kind_key_uq').on(t.kind, t.key),
    index('jobs_due_idx').on(t.state, t.runAt),
  ],
);
