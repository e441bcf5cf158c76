import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './instant.column.ts';

/**
 * Failed sign-ins per throttle key. The key is a digest of what was typed (account, or account and
 * address), so the table holds neither attempted emails, which are sometimes passwords typed into the
 * wrong field, nor addresses.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: instant('last_failure_at').notNull(),
    lockedUntil: instant('locked_until'),
  },
  (t) => [index('login_failures_last_idx').on(t.lastFailureAt)],
);
