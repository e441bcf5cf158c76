import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeUserRole, deactivateUser, setUserTeams, type CoreDeps, type Database } from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, T0 } from '../testing/fixtures.ts';
import { reopenTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const NO_SUCH_ACTOR = 987_654;

describe('administration commits with its audit entry', () => {
  let db: Database;
  let deps: CoreDeps;
  beforeEach(async () => {
    db = await freshDb();
    deps = { db, clock: fakeClock(), events: recordingPublisher() };
  });
  afterEach(() => db.close());

  const user = (email: string, role: 'admin' | 'agent' = 'agent') => db.users.create({ email, name: email, role, passwordHash: 'h' }, T0);

  it('when the audit entry cannot be written, the role change it describes is not stored either', async () => {
    await user('boss@k.id', 'admin');
    const agent = await user('sari@k.id');
    // An actor that does not exist breaks the entry's foreign key: the append fails inside the transaction.
    await expect(changeUserRole(deps, NO_SUCH_ACTOR, agent.id, 'supervisor')).rejects.toThrow();
    expect((await db.users.findById(agent.id))!.role).toBe('agent');
    expect(await db.auditLog.list({ limit: 10 })).toEqual([]);
  });

  it('when the audit entry cannot be written, memberships and the deactivation stay as they were', async () => {
    const admin = await user('boss@k.id', 'admin');
    const agent = await user('sari@k.id');
    const team = await db.teams.create('Tagihan', T0);
    await expect(setUserTeams(deps, NO_SUCH_ACTOR, agent.id, [team.id])).rejects.toThrow();
    expect(await db.teams.listMembers()).toEqual([]);
    await db.sessions.create({ tokenHash: 'sari-session', userId: agent.id, expiresAt: '2027-01-01T00:00:00.000Z', createdAt: T0 });
    await expect(deactivateUser(deps, NO_SUCH_ACTOR, agent.id)).rejects.toThrow();
    expect((await db.users.findById(agent.id))!.deactivatedAt).toBeNull();
    expect(await db.sessions.findValid('sari-session', T0)).not.toBeNull();
    await deactivateUser(deps, admin.id, agent.id);
    expect(await db.sessions.findValid('sari-session', T0)).toBeNull();
  });

  it('two admins demoting each other at once from two processes leave one admin standing', async () => {
    const [one, two] = [await user('one@k.id', 'admin'), await user('two@k.id', 'admin')];
    const other = await reopenTestDatabase((db as TestDatabase).url);
    try {
      const otherDeps: CoreDeps = { db: other, clock: fakeClock(), events: recordingPublisher() };
      const results = await Promise.allSettled([changeUserRole(deps, one.id, two.id, 'agent'), changeUserRole(otherDeps, two.id, one.id, 'agent')]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: 'user.last_admin' });
      expect((await db.users.list()).filter((u) => u.role === 'admin')).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
