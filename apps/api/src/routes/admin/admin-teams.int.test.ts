import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('administering teams over HTTP', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let agent: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    agent = { authorization: `Bearer ${await t.login()}` };
  });
  afterAll(() => t.close());

  const call = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object, headers = admin) => t.app.inject({ method, url: `/api/admin/teams${url}`, headers, payload });
  const audits = async () => t.db.auditLog.list({ limit: 100 });

  it('an admin creates a team in WITA with balanced assignment and members, and it is audited', async () => {
    const response = await call('POST', '', { name: 'Makassar', timeZone: 'Asia/Makassar', assignmentMode: 'balanced', defaultCapacity: 3, memberIds: [t.agentId] });
    expect(response.statusCode).toBe(201);
    const team = response.json();
    expect(team).toEqual({ id: team.id, name: 'Makassar', timeZone: 'Asia/Makassar', assignmentMode: 'balanced', defaultCapacity: 3, memberIds: [t.agentId] });
    expect((await audits())[0]).toMatchObject({ action: 'team.created', target: `team:${team.id}`, data: { name: 'Makassar', memberIds: [t.agentId] } });
  });

  it('a team without settings gets WIB, manual assignment and five open tickets each', async () => {
    const team = (await call('POST', '', { name: 'Umum Jakarta' })).json();
    expect(team).toMatchObject({ timeZone: 'Asia/Jakarta', assignmentMode: 'manual', defaultCapacity: 5, memberIds: [] });
  });

  it('a rename to a taken name, a zone that is not IANA, a capacity past 50 or an unknown member is refused and nothing is stored', async () => {
    const team = (await call('POST', '', { name: 'Jayapura', timeZone: 'Asia/Jayapura' })).json();
    const before = (await audits()).length;
    const taken = await call('PATCH', `/${team.id}`, { name: 'Makassar' });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'team.name_taken']);
    expect((await call('POST', '', { name: ' Makassar ' })).json().error.code).toBe('team.name_taken');
    for (const timeZone of ['WIB', '+07:00', 'Asia/Atlantis', 'Mars/Olympus']) {
      const zone = await call('PATCH', `/${team.id}`, { timeZone });
      expect([zone.statusCode, zone.json().error.code]).toEqual([400, 'team.invalid_time_zone']);
    }
    expect((await call('PATCH', `/${team.id}`, { defaultCapacity: 51 })).json().error.code).toBe('user.invalid_capacity');
    expect((await call('PATCH', `/${team.id}`, { assignmentMode: 'random' })).json().error.code).toBe('validation.failed');
    expect((await call('PUT', `/${team.id}/members`, { userIds: [t.agentId, 777_777] })).json().error.code).toBe('user.not_found');
    expect((await call('POST', '', { name: 'Ghosts', memberIds: [777_777] })).json().error.code).toBe('user.not_found');
    expect(await t.db.teams.findByName('Ghosts')).toBeNull();
    expect(await t.db.teams.findById(team.id)).toMatchObject({ name: 'Jayapura', timeZone: 'Asia/Jayapura', defaultCapacity: 5 });
    expect(await t.db.teams.listMembers(team.id)).toEqual([]);
    expect((await audits()).length).toBe(before);
  });

  it('a change records only what moved, from → to, and a zone is stored as IANA spells it', async () => {
    const team = (await call('POST', '', { name: 'Surabaya' })).json();
    const changed = await call('PATCH', `/${team.id}`, { name: 'Surabaya Timur', timeZone: 'asia/jakarta', defaultCapacity: 5 });
    expect(changed.json()).toMatchObject({ name: 'Surabaya Timur', timeZone: 'Asia/Jakarta' });
    expect((await audits())[0]).toMatchObject({ action: 'team.updated', data: { changes: { name: { from: 'Surabaya', to: 'Surabaya Timur' } } } });
    expect(Object.keys((await audits())[0]!.data.changes as object)).toEqual(['name']);
    expect((await call('PATCH', '/999999', { name: 'Nowhere' })).json().error.code).toBe('team.not_found');
  });

  it('members are replaced and the audit says who joined and who left', async () => {
    const team = (await call('POST', '', { name: 'Medan', memberIds: [t.agentId] })).json();
    const other = await t.db.users.create({ email: 'lina@toko.id', name: 'Lina', role: 'agent', passwordHash: 'h' }, new Date().toISOString());
    const updated = await call('PUT', `/${team.id}/members`, { userIds: [other.id] });
    expect(updated.json().memberIds).toEqual([other.id]);
    expect((await audits())[0]).toMatchObject({ action: 'team.updated', target: `team:${team.id}`, data: { added: [other.id], removed: [t.agentId] } });
  });

  it('every staff member reads the teams with their members, and only admins change them', async () => {
    const listed = await t.app.inject({ method: 'GET', url: '/api/teams', headers: agent });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.find((team: { name: string }) => team.name === 'Makassar')).toMatchObject({ timeZone: 'Asia/Makassar', memberIds: [t.agentId] });
    const refused = await call('POST', '', { name: 'Agents only' }, agent);
    expect(refused.json().error.code).toBe('auth.forbidden');
    expect(await t.db.teams.findByName('Agents only')).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/teams' })).statusCode).toBe(401);
  });
});
