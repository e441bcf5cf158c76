import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { users } from './users.table.ts';

export const sessions = pgTable(
  'sessions',
  {
    // Only the digest of the token is stored, so a leaked database grants no sessions.
    tokenHash: text('token_hash').primaryKey(),
    userId: id('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: instant('expires_at').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
