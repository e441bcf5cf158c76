import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, VisitorSession } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

const LATER = '2026-03-02T08:05:00.000Z';
const session = (id: string, visitorId = 'a'.repeat(32)): VisitorSession => ({
  id,
  visitorId,
  refreshHash: `hash-${id}-0`,
  previousRefreshHash: null,
  rotatedAt: null,
  createdAt: T0,
  expiresAt: '2026-04-01T08:00:00.000Z',
  revokedAt: null,
  revokedReason: null,
});

describe('widget visitor sessions', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('keeps a session as created', async () => {
    await db.visitorSessions.create(session('s1'));
    expect(await db.visitorSessions.findById('s1')).toEqual(session('s1'));
    expect(await db.visitorSessions.findById('nope')).toBeNull();
  });

  it('rotates the refresh digest for exactly one of two refreshes presenting the same token', async () => {
    await db.visitorSessions.create(session('s1'));
    const rotation = (next: string) => ({ expectedHash: 'hash-s1-0', nextHash: next, expiresAt: '2026-04-02T08:00:00.000Z', at: LATER });
    const results = await Promise.all([db.visitorSessions.rotate('s1', rotation('hash-s1-a')), db.visitorSessions.rotate('s1', rotation('hash-s1-b'))]);
    expect(results.sort()).toEqual([false, true]);
    const stored = await db.visitorSessions.findById('s1');
    expect(stored).toMatchObject({ previousRefreshHash: 'hash-s1-0', rotatedAt: LATER, expiresAt: '2026-04-02T08:00:00.000Z' });
    expect(['hash-s1-a', 'hash-s1-b']).toContain(stored?.refreshHash);
  });

  it('never rotates a revoked session', async () => {
    await db.visitorSessions.create(session('s1'));
    expect(await db.visitorSessions.revoke('s1', 'refresh_reuse', LATER)).toBe(true);
    expect(await db.visitorSessions.revoke('s1', 'staff', LATER)).toBe(false);
    expect(await db.visitorSessions.rotate('s1', { expectedHash: 'hash-s1-0', nextHash: 'x', expiresAt: LATER, at: LATER })).toBe(false);
    expect(await db.visitorSessions.findById('s1')).toMatchObject({ revokedAt: LATER, revokedReason: 'refresh_reuse', refreshHash: 'hash-s1-0' });
  });

  it("revokes only a visitor's live sessions and names them", async () => {
    await db.visitorSessions.create(session('s1'));
    await db.visitorSessions.create(session('s2'));
    await db.visitorSessions.create(session('s3'));
    await db.visitorSessions.create(session('other', 'b'.repeat(32)));
    await db.visitorSessions.revoke('s3', 'refresh_reuse', T0);
    expect((await db.visitorSessions.revokeForVisitor('a'.repeat(32), 'staff', LATER)).sort()).toEqual(['s1', 's2']);
    expect(await db.visitorSessions.findById('s3')).toMatchObject({ revokedAt: T0, revokedReason: 'refresh_reuse' });
    expect(await db.visitorSessions.findById('other')).toMatchObject({ revokedAt: null });
  });

  it('remembers that a visitor had a session, revoked or not', async () => {
    expect(await db.visitorSessions.existsForVisitor('a'.repeat(32))).toBe(false);
    await db.visitorSessions.create(session('s1'));
    await db.visitorSessions.revoke('s1', 'staff', LATER);
    expect(await db.visitorSessions.existsForVisitor('a'.repeat(32))).toBe(true);
  });
});
