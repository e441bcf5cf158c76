import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

describe('users and teams', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('an agent signs in with their email in any letter case', async () => {
    const user = await db.users.create({ email: 'Dewi@Keluh.ID', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
    expect(user).toEqual({ id: user.id, email: 'dewi@keluh.id', name: 'Dewi', role: 'agent', language: 'id', teamId: null, createdAt: T0 });
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

  it('teams are listed by name', async () => {
    await db.teams.create('Shipping', T0);
    await db.teams.create('Billing', T0);
    expect(await db.teams.list()).toEqual([
      { id: 2, name: 'Billing' },
      { id: 1, name: 'Shipping' },
    ]);
  });
});
