import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './instant.column.ts';

/**
 * Widget visitor sessions: the refresh token's digest (never the token), and the revocation record that
 * access tokens are checked against. Kept after expiry: a visitor id that ever had a session may not
 * exchange its pre-session token again.
 */
export const visitorSessions = pgTable(
  'visitor_sessions',
  {
    id: text('id').primaryKey(),
    visitorId: text('visitor_id').notNull(),
    refreshHash: text('refresh_hash').notNull(),
    previousRefreshHash: text('previous_refresh_hash'),
    rotatedAt: instant('rotated_at'),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    revokedAt: instant('revoked_at'),
    revokedReason: text('revoked_reason', { enum: ['staff', 'refresh_reuse'] }),
  },
  (t) => [index('visitor_sessions_visitor_idx').on(t.visitorId)],
);
