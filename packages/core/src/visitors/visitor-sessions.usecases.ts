import type { Repositories } from '../ports/repositories.ts';
import { AppError } from '../shared/errors.ts';
import { addMilliseconds, type Clock } from '../shared/instant.ts';
import { judgeRefresh } from './visitor-session.rules.ts';
import type {
  AuthenticatedVisitor,
  VisitorCredentials,
  VisitorGrant,
  VisitorRevocationReason,
  VisitorSession,
  VisitorTokenLifetimes,
} from './visitor-session.types.ts';

export interface VisitorAuthDeps {
  db: Pick<Repositories, 'visitorSessions'>;
  clock: Clock;
  credentials: VisitorCredentials;
  lifetimes: VisitorTokenLifetimes;
  /** Told after sessions are revoked, so connections opened with them can be closed at once. */
  onRevoked?: (sessionIds: string[]) => void;
}

const invalid = (message: string) => new AppError('widget.invalid_visitor_token', message);

function grant(deps: VisitorAuthDeps, session: Pick<VisitorSession, 'id' | 'visitorId' | 'expiresAt'>, secret: string): VisitorGrant {
  // Whole seconds: the token carries its expiry as a Unix time, and the answer must say the same.
  const expiresMs = Date.parse(addMilliseconds(deps.clock.now(), deps.lifetimes.accessMs));
  const visitorTokenExpiresAt = new Date(expiresMs - (expiresMs % 1000)).toISOString();
  return {
    visitorId: session.visitorId,
    visitorToken: deps.credentials.signAccess({ visitorId: session.visitorId, sessionId: session.id, expiresAt: visitorTokenExpiresAt }),
    visitorTokenExpiresAt,
    refreshToken: deps.credentials.formatRefresh(session.id, secret),
    refreshTokenExpiresAt: session.expiresAt,
  };
}

/** A new session for a new visitor, or for a known visitor id (the one-time upgrade of a pre-session token). */
export async function startVisitorSession(deps: VisitorAuthDeps, visitorId = deps.credentials.newVisitorId()): Promise<VisitorGrant> {
  const now = deps.clock.now();
  const secret = deps.credentials.newRefreshSecret();
  const session: VisitorSession = {
    id: deps.credentials.newSessionId(),
    visitorId,
    refreshHash: deps.credentials.digest(secret),
    previousRefreshHash: null,
    rotatedAt: null,
    createdAt: now,
    expiresAt: addMilliseconds(now, deps.lifetimes.sessionMs),
    revokedAt: null,
    revokedReason: null,
  };
  await deps.db.visitorSessions.create(session);
  return grant(deps, session, secret);
}

/** Exchanges a refresh token for a new pair; the visitor (and so their conversation) stays the same. */
export async function refreshVisitorSession(deps: VisitorAuthDeps, refreshToken: string): Promise<VisitorGrant> {
  const parts = deps.credentials.readRefresh(refreshToken);
  if (!parts) throw invalid('The refresh token is malformed');
  const session = await deps.db.visitorSessions.findById(parts.sessionId);
  if (!session) throw invalid('The refresh token is unknown');
  const now = deps.clock.now();
  switch (judgeRefresh(session, deps.credentials.digest(parts.secret), now)) {
    case 'unknown':
      throw invalid('The refresh token is unknown');
    case 'revoked':
      throw new AppError('widget.token_revoked', 'This visitor session has been ended');
    case 'expired':
      throw new AppError('widget.token_expired', 'The refresh token has expired', { token: 'refresh' });
    case 'superseded':
      throw new AppError('widget.token_expired', 'This refresh token was just replaced; use the newer one', { token: 'refresh', superseded: true });
    case 'reuse':
      await revoke(deps, [session.id], 'refresh_reuse', now);
      throw new AppError('widget.token_revoked', 'A spent refresh token was presented again; the session has been ended');
    case 'rotate': {
      const secret = deps.credentials.newRefreshSecret();
      const expiresAt = addMilliseconds(now, deps.lifetimes.sessionMs);
      const won = await deps.db.visitorSessions.rotate(session.id, { expectedHash: session.refreshHash, nextHash: deps.credentials.digest(secret), expiresAt, at: now });
      // Another refresh with the same token committed between our read and our write: it got the new pair.
      if (!won) throw new AppError('widget.token_expired', 'This refresh token was just replaced; use the newer one', { token: 'refresh', superseded: true });
      return grant(deps, { ...session, expiresAt }, secret);
    }
  }
}

/**
 * Exchanges a pre-session token (`v1.<visitorId>.<hmac>`, which never expired) for a session, once per
 * visitor: afterwards the old token is dead, like any spent refresh token.
 */
export async function upgradeLegacyVisitor(deps: VisitorAuthDeps, legacyToken: string): Promise<VisitorGrant> {
  const visitorId = deps.credentials.readLegacy(legacyToken);
  if (!visitorId) throw invalid('Visitor token is forged or from another installation');
  if (await deps.db.visitorSessions.existsForVisitor(visitorId)) throw invalid('This visitor token has already been exchanged for a session');
  return startVisitorSession(deps, visitorId);
}

/** The visitor behind an access token, checked for format, signature, expiry and revocation. */
export async function authenticateVisitor(deps: VisitorAuthDeps, token: unknown): Promise<AuthenticatedVisitor> {
  const claims = typeof token === 'string' ? deps.credentials.readAccess(token) : null;
  if (!claims) throw invalid('Visitor token is missing, malformed or forged');
  if (claims.expiresAt <= deps.clock.now()) throw new AppError('widget.token_expired', 'The visitor token has expired; refresh it', { token: 'access' });
  const session = await deps.db.visitorSessions.findById(claims.sessionId);
  if (!session || session.visitorId !== claims.visitorId) throw invalid('Visitor token names no session');
  if (session.revokedAt !== null) throw new AppError('widget.token_revoked', 'This visitor session has been ended');
  return { visitorId: claims.visitorId, sessionId: claims.sessionId };
}

/** Staff end every session of a visitor (a shared computer, a leaked link): their tokens stop working now. */
export async function revokeVisitorSessions(deps: VisitorAuthDeps, visitorId: string, reason: VisitorRevocationReason = 'staff'): Promise<number> {
  const now = deps.clock.now();
  const ids = await deps.db.visitorSessions.revokeForVisitor(visitorId, reason, now);
  if (ids.length > 0) deps.onRevoked?.(ids);
  return ids.length;
}

async function revoke(deps: VisitorAuthDeps, ids: string[], reason: VisitorRevocationReason, now: string): Promise<void> {
  const revoked: string[] = [];
  for (const id of ids) if (await deps.db.visitorSessions.revoke(id, reason, now)) revoked.push(id);
  if (revoked.length > 0) deps.onRevoked?.(revoked);
}
