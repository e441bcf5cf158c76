import type { Instant } from '../shared/instant.ts';
import type { VisitorSession } from './visitor-session.types.ts';

/**
 * How long a just-replaced refresh token is answered "superseded" rather than treated as stolen. Two
 * tabs of one browser share localStorage and may refresh with the same token at the same moment: the
 * loser re-reads storage and finds the winner's token. After this, a replay means two holders.
 */
export const REFRESH_REUSE_GRACE_MS = 30_000;

export type RefreshVerdict = 'rotate' | 'expired' | 'revoked' | 'superseded' | 'reuse' | 'unknown';

/** What presenting a refresh secret with this digest means for the session. */
export function judgeRefresh(session: VisitorSession, presentedHash: string, now: Instant): RefreshVerdict {
  const current = presentedHash === session.refreshHash;
  const previous = session.previousRefreshHash !== null && presentedHash === session.previousRefreshHash;
  if (!current && !previous) return 'unknown';
  if (session.revokedAt !== null) return 'revoked';
  if (session.expiresAt <= now) return 'expired';
  if (current) return 'rotate';
  const rotatedAt = Date.parse(session.rotatedAt ?? session.createdAt);
  return Date.parse(now) - rotatedAt < REFRESH_REUSE_GRACE_MS ? 'superseded' : 'reuse';
}
