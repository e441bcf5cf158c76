import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Widget visitor sessions: the refresh token's digest (never the token), and the revocation record that
 * access tokens are checked against. Kept after expiry: a visitor id that ever had a session may not
 * exchange its pre-session token again.
 */
export const visitorSessions = sqliteTable(
  'visitor_sessions',
  {
    id: text('id').primaryKey(),
    visitorId: text('visitor_id').notNull(),
    refreshHash: text('refresh_hash').notNull(),
    previousRefreshHash: text('previous_refresh_hash'),
    rotatedAt: text('rotated_at'),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    revokedReason: text('revoked_reason', { enum: ['staff', 'refresh_reuse'] }),
  },
  (t) => [index('visitor_sessions_visitor_idx').on(t.visitorId)],
);
