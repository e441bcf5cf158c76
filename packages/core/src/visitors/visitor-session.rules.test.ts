import { describe, expect, it } from 'vitest';
import { addMilliseconds } from '../shared/instant.ts';
import { judgeRefresh, REFRESH_REUSE_GRACE_MS } from './visitor-session.rules.ts';
import type { VisitorSession } from './visitor-session.types.ts';

const T0 = '2026-03-02T08:00:00.000Z';
const session = (over: Partial<VisitorSession> = {}): VisitorSession => ({
  id: 's1',
  visitorId: 'v1',
  refreshHash: 'current',
  previousRefreshHash: 'previous',
  rotatedAt: T0,
  createdAt: T0,
  expiresAt: addMilliseconds(T0, 86_400_000),
  revokedAt: null,
  revokedReason: null,
  ...over,
});

describe('presenting a refresh token', () => {
  it('rotates the current token of a live session', () => {
    expect(judgeRefresh(session(), 'current', addMilliseconds(T0, 1000))).toBe('rotate');
  });

  it('calls the replaced token superseded just after the rotation, so a second tab can catch up', () => {
    expect(judgeRefresh(session(), 'previous', addMilliseconds(T0, REFRESH_REUSE_GRACE_MS - 1))).toBe('superseded');
  });

  it('treats the replaced token as stolen once the grace has passed', () => {
    expect(judgeRefresh(session(), 'previous', addMilliseconds(T0, REFRESH_REUSE_GRACE_MS))).toBe('reuse');
  });

  it('refuses a token of a revoked or idle-expired session, whichever generation it is', () => {
    const later = addMilliseconds(T0, 1000);
    expect(judgeRefresh(session({ revokedAt: T0, revokedReason: 'staff' }), 'current', later)).toBe('revoked');
    expect(judgeRefresh(session({ revokedAt: T0, revokedReason: 'staff' }), 'previous', later)).toBe('revoked');
    expect(judgeRefresh(session({ expiresAt: later }), 'current', later)).toBe('expired');
  });

  it('knows nothing of a secret it never issued', () => {
    expect(judgeRefresh(session(), 'forged', T0)).toBe('unknown');
    expect(judgeRefresh(session({ previousRefreshHash: null, revokedAt: T0 }), 'forged', T0)).toBe('unknown');
  });
});
