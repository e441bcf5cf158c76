import { describe, expect, it } from 'vitest';
import { createVisitorCredentials, legacyVisitorToken } from './visitor-token.ts';

const SECRET = 'visitor-token-test-secret-0123456789abcdef';
const credentials = createVisitorCredentials(SECRET);
const claims = { visitorId: 'a'.repeat(32), sessionId: 'S'.repeat(22), expiresAt: '2026-03-02T08:15:00.000Z' };

describe('visitor tokens', () => {
  it('reads back the claims of an access token it signed, to the second', () => {
    const token = credentials.signAccess(claims);
    expect(token).toMatch(/^v2\.a{32}\.S{22}\.\d{10}\.[\w-]{43}$/);
    expect(credentials.readAccess(token)).toEqual(claims);
  });

  it('reads an access token only when it is exactly well formed', () => {
    const token = credentials.signAccess(claims);
    const variants = [
      ` ${token}`,
      `${token} `,
      `${token}\n`,
      `${token}.extra`,
      `${token}.`,
      `x.${token}`,
      token.replace('v2.', 'V2.'),
      token.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')),
      token.replace(/\.\d{10}\./, (exp) => `.${Number(exp.slice(1, -1)) + 3600}.`),
      createVisitorCredentials(`${SECRET}-other`).signAccess(claims),
    ];
    for (const variant of variants) expect(credentials.readAccess(variant), JSON.stringify(variant)).toBeNull();
  });

  it('reads a refresh token only when it is exactly well formed', () => {
    const secret = credentials.newRefreshSecret();
    const token = credentials.formatRefresh('S'.repeat(22), secret);
    expect(credentials.readRefresh(token)).toEqual({ sessionId: 'S'.repeat(22), secret });
    for (const variant of [` ${token}`, `${token} `, `${token}.x`, token.slice(0, -1), token.replace('r1.', 'r2.')]) {
      expect(credentials.readRefresh(variant), variant).toBeNull();
    }
  });

  it('never mistakes one kind of token for another', () => {
    const access = credentials.signAccess(claims);
    const refresh = credentials.formatRefresh('S'.repeat(22), credentials.newRefreshSecret());
    const legacy = legacyVisitorToken(SECRET, 'a'.repeat(32));
    expect([credentials.readRefresh(access), credentials.readLegacy(access)]).toEqual([null, null]);
    expect([credentials.readAccess(refresh), credentials.readLegacy(refresh)]).toEqual([null, null]);
    expect([credentials.readAccess(legacy), credentials.readRefresh(legacy)]).toEqual([null, null]);
  });

  it('recognises a pre-session token this installation signed, and no other', () => {
    expect(credentials.readLegacy(legacyVisitorToken(SECRET, 'b'.repeat(32)))).toBe('b'.repeat(32));
    expect(credentials.readLegacy(legacyVisitorToken('another-installation-secret', 'b'.repeat(32)))).toBeNull();
    expect(credentials.readLegacy(`${legacyVisitorToken(SECRET, 'b'.repeat(32))}.extra`)).toBeNull();
  });

  it('makes fresh random ids and secrets of the expected shapes', () => {
    expect(credentials.newVisitorId()).toMatch(/^[a-f0-9]{32}$/);
    expect(credentials.newSessionId()).toMatch(/^[\w-]{22}$/);
    expect(credentials.newRefreshSecret()).toMatch(/^[\w-]{43}$/);
    expect(credentials.newRefreshSecret()).not.toBe(credentials.newRefreshSecret());
    expect(credentials.digest('x')).toMatch(/^[a-f0-9]{64}$/);
  });
});
