import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

describe('sessions and settings', () => {
  let db: Database;
  let userId: number;
  beforeEach(async () => {
    db = await freshDb();
    userId = (await db.users.create({ email: 'a@k.id', name: 'A', role: 'agent', passwordHash: 'h' }, T0)).id;
  });
  afterEach(() => db.close());

  const session = (expiresAt: string) => ({ tokenHash: 'digest-1', userId, createdAt: T0, expiresAt });

  it('a session is valid until the moment it expires', async () => {
    await db.sessions.create(session('2026-03-03T08:00:00.000Z'));
    expect(await db.sessions.findValid('digest-1', '2026-03-03T07:59:59.999Z')).toEqual(session('2026-03-03T08:00:00.000Z'));
    expect(await db.sessions.findValid('digest-1', '2026-03-03T08:00:00.000Z')).toBeNull();
  });

  it('an unknown token digest finds no session', async () => {
    expect(await db.sessions.findValid('nope', T0)).toBeNull();
  });

  it('signing out deletes the session', async () => {
    await db.sessions.create(session('2099-01-01T00:00:00.000Z'));
    await db.sessions.delete('digest-1');
    expect(await db.sessions.findValid('digest-1', T0)).toBeNull();
  });

  it('purging removes exactly the sessions that have expired by then', async () => {
    await db.sessions.create({ ...session('2026-03-03T08:00:00.000Z'), tokenHash: 'expired' });
    await db.sessions.create({ ...session('2026-03-03T08:00:00.001Z'), tokenHash: 'alive' });
    expect(await db.sessions.purgeExpired('2026-03-03T08:00:00.000Z')).toBe(1);
    expect(await db.sessions.findValid('alive', '2026-03-03T08:00:00.000Z')).not.toBeNull();
    expect(await db.sessions.purgeExpired('2026-03-03T08:00:00.000Z')).toBe(0);
  });

  it('a setting is absent until set and a second set replaces it', async () => {
    expect(await db.settings.get('jwt.secret')).toBeNull();
    await db.settings.set('jwt.secret', 'one');
    await db.settings.set('jwt.secret', 'two');
    expect(await db.settings.get('jwt.secret')).toBe('two');
  });
});
