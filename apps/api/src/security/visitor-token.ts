import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { VisitorAccessClaims, VisitorCredentials } from '@keluh/core';

/*
 * Token formats, each matched whole by an anchored pattern: surrounding spaces, extra segments or a
 * different alphabet make a token unreadable rather than "close enough" (split('.') used to ignore a
 * fourth segment, and bearer parsing trimmed spaces).
 *
 *   access   v2.<visitorId>.<sessionId>.<expires unix s>.<hmac>   short-lived, self-contained
 *   refresh  r1.<sessionId>.<secret>                              long-lived, only its digest is stored
 *   legacy   v1.<visitorId>.<hmac>                                 before sessions; exchanged once
 */

const B64 = '[A-Za-z0-9_-]';
const ACCESS = new RegExp(`^v2\\.([a-f0-9]{32})\\.(${B64}{22})\\.([1-9][0-9]{9,11})\\.(${B64}{43})$`);
const REFRESH = new RegExp(`^r1\\.(${B64}{22})\\.(${B64}{43})$`);
const LEGACY = new RegExp(`^v1\\.([a-f0-9]{32})\\.(${B64}{43})$`);

const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export function createVisitorCredentials(secret: string): VisitorCredentials {
  const mac = (data: string) => createHmac('sha256', secret).update(data).digest('base64url');
  // Distinct prefixes keep one format's signature from ever verifying as another's.
  const accessMac = (visitorId: string, sessionId: string, expires: string) => mac(`visitor-access:v2:${visitorId}:${sessionId}:${expires}`);
  const legacyMac = (visitorId: string) => mac(`visitor:${visitorId}`);

  return {
    newVisitorId: () => randomBytes(16).toString('hex'),
    newSessionId: () => randomBytes(16).toString('base64url'),
    newRefreshSecret: () => randomBytes(32).toString('base64url'),
    digest: (value) => createHash('sha256').update(value).digest('hex'),

    signAccess({ visitorId, sessionId, expiresAt }) {
      const expires = String(Math.floor(Date.parse(expiresAt) / 1000));
      return `v2.${visitorId}.${sessionId}.${expires}.${accessMac(visitorId, sessionId, expires)}`;
    },
    readAccess(token): VisitorAccessClaims | null {
      const match = ACCESS.exec(token);
      if (!match) return null;
      const [, visitorId, sessionId, expires, signature] = match as unknown as [string, string, string, string, string];
      if (!sameText(signature, accessMac(visitorId, sessionId, expires))) return null;
      return { visitorId, sessionId, expiresAt: new Date(Number(expires) * 1000).toISOString() };
    },

    formatRefresh: (sessionId, refreshSecret) => `r1.${sessionId}.${refreshSecret}`,
    readRefresh(token) {
      const match = REFRESH.exec(token);
      return match ? { sessionId: match[1]!, secret: match[2]! } : null;
    },

    readLegacy(token) {
      const match = LEGACY.exec(token);
      if (!match) return null;
      const [, visitorId, signature] = match as unknown as [string, string, string];
      return sameText(signature, legacyMac(visitorId)) ? visitorId : null;
    },
  };
}

/** A pre-session token as the old server minted it: for tests of the one-time upgrade only. */
export function legacyVisitorToken(secret: string, visitorId: string): string {
  return `v1.${visitorId}.${createHmac('sha256', secret).update(`visitor:${visitorId}`).digest('base64url')}`;
}
