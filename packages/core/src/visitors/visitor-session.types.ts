import type { Instant } from '../shared/instant.ts';

/*
 * A widget visitor is anonymous; what proves "this browser is that visitor" is a session:
 * - a short-lived, self-contained **access token** (`visitorToken`) presented on every HTTP call and
 *   socket handshake, which a leak only exposes until it expires;
 * - a long-lived **refresh token**, sent only to POST /api/widget/sessions, exchanged for a new pair on
 *   every use (rotation). Only its digest is stored. Presenting a spent one again means two parties
 *   hold it, so the session is revoked for both.
 * The session row is also the revocation record: access tokens name their session and are refused
 * once it is revoked, even before they expire.
 */

export type VisitorRevocationReason = 'staff' | 'refresh_reuse';

export interface VisitorSession {
  id: string;
  visitorId: string;
  /** Digest of the refresh secret that is valid now. */
  refreshHash: string;
  /** Digest of the one it replaced: how a replayed refresh token is told from a forged one. */
  previousRefreshHash: string | null;
  rotatedAt: Instant | null;
  createdAt: Instant;
  /** When the refresh token stops working; every rotation moves it forward (idle expiry). */
  expiresAt: Instant;
  revokedAt: Instant | null;
  revokedReason: VisitorRevocationReason | null;
}

export interface VisitorAccessClaims {
  visitorId: string;
  sessionId: string;
  expiresAt: Instant;
}

/** Token formats and cryptography, kept out of the domain (node:crypto lives in apps/api). */
export interface VisitorCredentials {
  newVisitorId(): string;
  newSessionId(): string;
  newRefreshSecret(): string;
  digest(secret: string): string;
  signAccess(claims: VisitorAccessClaims): string;
  /** The claims of an exactly well-formed access token with a valid signature, expired or not; else null. */
  readAccess(token: string): VisitorAccessClaims | null;
  formatRefresh(sessionId: string, secret: string): string;
  /** The parts of an exactly well-formed refresh token, else null. */
  readRefresh(token: string): { sessionId: string; secret: string } | null;
  /** The visitor id in a pre-session token (`v1.<visitorId>.<hmac>`) this installation signed, else null. */
  readLegacy(token: string): string | null;
}

export interface VisitorTokenLifetimes {
  accessMs: number;
  /** Idle lifetime of the refresh token. */
  sessionMs: number;
}

/** What POST /api/widget/sessions answers. */
export interface VisitorGrant {
  visitorId: string;
  visitorToken: string;
  visitorTokenExpiresAt: Instant;
  refreshToken: string;
  refreshTokenExpiresAt: Instant;
}

export interface AuthenticatedVisitor {
  visitorId: string;
  sessionId: string;
}
