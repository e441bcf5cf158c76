import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

const T1 = '2026-03-02T09:00:00.000Z';

describe('users, teams, capacities and the audit log for administration', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  const user = (email: string, role: 'admin' | 'agent' = 'agent') => db.users.create({ email, name: email, role, passwordHash: 'h' }, T0);

  it('the audit log reads newest first, filtered by action or actor, one page after another', async () => {
    const admin = await user('admin@k.id', 'admin');
    for (let i = 0; i < 5; i++) await db.auditLog.append({ action: i % 2 ? 'user.role_changed' : 'team.created', actorUserId: i < 4 ? admin.id : null, target: `x:${i}`, data: { i, nested: { list: [i] } }, at: T0 });
    const all = await db.auditLog.list({ limit: 10 });
    expect(all.map((e) => e.target)).toEqual(['x:4', 'x:3', 'x:2', 'x:1', 'x:0']);
    expect(all[4]).toEqual({ id: all[4]!.id, action: 'team.created', actorUserId: admin.id, target: 'x:0', data: { i: 0, nested: { list: [0] } }, at: T0 });
    const firstPage = await db.auditLog.list({ limit: 2 });
    const secondPage = await db.auditLog.list({ limit: 2, before: firstPage[1]!.id });
    expect([...firstPage, ...secondPage].map((e) => e.target)).toEqual(['x:4', 'x:3', 'x:2', 'x:1']);
    expect((await db.auditLog.list({ action: 'user.role_changed', limit: 10 })).map((e) => e.target)).toEqual(['x:3', 'x:1']);
    expect((await db.auditLog.list({ actorUserId: admin.id, action: 'team.created', limit: 10 })).map((e) => e.target)).toEqual(['x:2', 'x:0']);
  });

  it('a team keeps its zone, mode and default capacity, and a taken name is refused', async () => {
    const team = await db.teams.create('Billing', T0, { timeZone: 'Asia/Makassar', assignmentMode: 'balanced', defaultCapacity: 3 });
    expect(await db.teams.findById(team.id)).toEqual({ id: team.id, name: 'Billing', timeZone: 'Asia/Makassar', assignmentMode: 'balanced', defaultCapacity: 3 });
    expect(await db.teams.update(team.id, { name: 'Tagihan', defaultCapacity: 8 })).toMatchObject({ name: 'Tagihan', timeZone: 'Asia/Makassar', defaultCapacity: 8 });
    expect(await db.teams.findByName('Tagihan')).toMatchObject({ id: team.id });
    expect(await db.teams.update(999, { name: 'Nobody' })).toBeNull();
    await db.teams.create('Shipping', T0);
    await expect(db.teams.update(team.id, { name: 'Shipping' })).rejects.toThrow();
  });

  it('members are set from the team side and from the user side without touching other rows', async () => {
    const [a, b, c] = [await user('a@k.id'), await user('b@k.id'), await user('c@k.id')];
    const billing = await db.teams.create('Billing', T0);
    const shipping = await db.teams.create('Shipping', T0);
    await db.teams.setMembers(billing.id, [a.id, b.id], T0);
    await db.teams.setMembers(shipping.id, [a.id], T0);
    await db.teams.setMembers(billing.id, [b.id, c.id], T1);
    expect((await db.teams.listMembers(billing.id)).map((m) => [m.userId, m.since])).toEqual([
      [b.id, T0],
      [c.id, T1],
    ]);
    await db.teams.setTeamsOfUser(a.id, [billing.id], T1);
    expect((await db.teams.listMembers()).map((m) => [m.teamId, m.userId])).toEqual([
      [billing.id, a.id],
      [billing.id, b.id],
      [billing.id, c.id],
    ]);
    await db.teams.setTeamsOfUser(a.id, [], T1);
    await db.teams.setMembers(billing.id, [], T1);
    expect(await db.teams.listMembers()).toEqual([]);
  });

  it('a capacity row per channel replaces the previous ones of that user only', async () => {
    const [a, b] = [await user('a@k.id'), await user('b@k.id')];
    await db.agentCapacities.replaceForUser(a.id, [{ channel: 'whatsapp', maxOpen: 4 }, { channel: 'instagram', maxOpen: 2 }]);
    await db.agentCapacities.replaceForUser(b.id, [{ channel: 'whatsapp', maxOpen: 9 }]);
    await db.agentCapacities.replaceForUser(a.id, [{ channel: 'webchat', maxOpen: 0 }]);
    expect(await db.agentCapacities.list(a.id)).toEqual([{ userId: a.id, channel: 'webchat', maxOpen: 0 }]);
    expect(await db.agentCapacities.list()).toHaveLength(2);
  });

  it('a role change, a deactivation kept at its first time, and the active admins counted without the deactivated', async () => {
    const [one, two] = [await user('one@k.id', 'admin'), await user('two@k.id', 'admin')];
    const agent = await user('agent@k.id');
    expect(await db.users.setRole(agent.id, 'supervisor')).toMatchObject({ id: agent.id, role: 'supervisor' });
    expect(await db.users.setRole(999, 'agent')).toBeNull();
    expect(await db.transaction((tx) => tx.users.lockActiveAdmins())).toEqual([one.id, two.id]);
    expect(await db.users.deactivate(two.id, T0)).toMatchObject({ deactivatedAt: T0 });
    expect(await db.users.deactivate(two.id, T1)).toMatchObject({ deactivatedAt: T0 });
    expect(await db.transaction((tx) => tx.users.lockActiveAdmins())).toEqual([one.id]);
  });

  it("ending a user's sessions returns their digests and leaves other users signed in", async () => {
    const [a, b] = [await user('a@k.id'), await user('b@k.id')];
    const expiresAt = '2026-04-01T00:00:00.000Z';
    for (const [tokenHash, userId] of [['a1', a.id], ['a2', a.id], ['b1', b.id]] as const) await db.sessions.create({ tokenHash, userId, expiresAt, createdAt: T0 });
    expect((await db.sessions.deleteForUser(a.id)).sort()).toEqual(['a1', 'a2']);
    expect(await db.sessions.findValid('a1', T0)).toBeNull();
    expect(await db.sessions.findValid('b1', T0)).not.toBeNull();
  });
});
