import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';
import { openTestDatabase, reopenTestDatabase } from '../testing/test-database.ts';

describe('users and teams', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('an agent signs in with their email in any letter case', async () => {
    const user = await db.users.create({ email: 'Dewi@Keluh.ID', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
    expect(user).toEqual({ id: user.id, email: 'dewi@keluh.id', name: 'Dewi', role: 'agent', language: 'id', teamId: null, teamIds: [], createdAt: T0, deactivatedAt: null });
    expect(await db.users.findByEmailWithSecret('DEWI@keluh.id')).toEqual({ ...user, passwordHash: 'h' });
    expect(await db.users.findByEmailWithSecret('nobody@keluh.id')).toBeNull();
  });

  it('the password hash never leaves through the ordinary lookups', async () => {
    const user = await db.users.create({ email: 'a@k.id', name: 'A', role: 'admin', passwordHash: 'secret' }, T0);
    expect(await db.users.findById(user.id)).not.toHaveProperty('passwordHash');
    expect((await db.users.list())[0]).not.toHaveProperty('passwordHash');
  });

  it('two accounts cannot share an email, whatever its case', async () => {
    await db.users.create({ email: 'a@k.id', name: 'A', role: 'agent', passwordHash: 'h' }, T0);
    await expect(db.users.create({ email: 'A@K.ID', name: 'B', role: 'agent', passwordHash: 'h' }, T0)).rejects.toThrow(/UNIQUE/);
  });

  it('an account whose email is taken is not created again, and the first one stays as it was', async () => {
    const first = await db.users.insertIfAbsent({ email: 'Admin@K.id', name: 'Admin', role: 'admin', passwordHash: 'first' }, T0);
    expect(first).toMatchObject({ email: 'admin@k.id', role: 'admin' });
    expect(await db.users.insertIfAbsent({ email: 'admin@k.id', name: 'Other', role: 'agent', passwordHash: 'second' }, T0)).toBeNull();
    expect(await db.users.findByEmailWithSecret('admin@k.id')).toMatchObject({ id: first!.id, name: 'Admin', passwordHash: 'first' });
  });

  it('two processes creating the first admin at once end with one admin, and each knows whether it was the one', async () => {
    const one = await openTestDatabase();
    const other = await reopenTestDatabase(one.url);
    try {
      const attempts = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? one : other).users.insertIfAbsent({ email: 'admin@k.id', name: `Admin ${i}`, role: 'admin', passwordHash: 'h' }, T0)),
      );
      expect(attempts.filter((user) => user !== null)).toHaveLength(1);
      expect(await one.users.count()).toBe(1);
    } finally {
      await other.close();
      await one.close();
    }
  });

  it('users are counted and listed in the order they joined', async () => {
    expect(await db.users.count()).toBe(0);
    const team = await db.teams.create('Billing', T0);
    await db.users.create({ email: 'b@k.id', name: 'B', role: 'supervisor', passwordHash: 'h', teamId: team.id, language: 'en' }, T0);
    await db.users.create({ email: 'a@k.id', name: 'A', role: 'agent', passwordHash: 'h' }, T0);
    expect(await db.users.count()).toBe(2);
    const listed = await db.users.list();
    expect(listed.map((u) => u.name)).toEqual(['B', 'A']);
    expect(listed[0]).toMatchObject({ teamId: team.id, language: 'en', role: 'supervisor' });
  });

  it('teams are listed by name, beside the default team every install starts with', async () => {
    await db.teams.create('Shipping', T0);
    await db.teams.create('Billing', T0);
    expect(await db.teams.list()).toEqual([
      { id: 3, name: 'Billing', timeZone: 'Asia/Jakarta', assignmentMode: 'manual', defaultCapacity: 5 },
      { id: 2, name: 'Shipping', timeZone: 'Asia/Jakarta', assignmentMode: 'manual', defaultCapacity: 5 },
      { id: 1, name: 'Umum', timeZone: 'Asia/Jakarta', assignmentMode: 'manual', defaultCapacity: 5 },
    ]);
  });
});
