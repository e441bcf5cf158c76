import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users.table.ts';

export const sessions = sqliteTable(
  'sessions',
  {
    // Only the digest of the token is stored, so a leaked database grants no sessions.
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: text('expires_at').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
