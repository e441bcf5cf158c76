import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Failed sign-ins per throttle key. The key is a digest of what was typed (account, or account and
 * address), so the table holds neither attempted emails, which are sometimes passwords typed into the
 * wrong field, nor addresses.
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: text('last_failure_at').notNull(),
    lockedUntil: text('locked_until'),
  },
  (t) => [index('login_failures_last_idx').on(t.lastFailureAt)],
);
