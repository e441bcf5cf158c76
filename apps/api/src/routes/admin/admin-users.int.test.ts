import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@keluh/core';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('administering users over HTTP', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let agent: Record<string, string>;
  let adminId: number;
  let billing: number;
  beforeAll(async () => {
    t = await startTestApp();
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    agent = { authorization: `Bearer ${await t.login()}` };
    adminId = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: admin })).json().user.id;
    billing = (await t.db.teams.create('Tagihan', new Date().toISOString())).id;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers = admin) => t.app.inject({ method, url: `/api/admin/users${url}`, headers, ...(payload ? { payload } : {}) });
  const audit = async (action: string) => (await t.db.auditLog.list({ limit: 100 })).filter((e) => e.action === action);
  const invite = (email: string, extra: object = {}) => call('POST', '', { name: 'Sari', email, role: 'agent', teamIds: [billing], ...extra });

  it('an admin invites an agent into a team, and the one-time password signs them in but is never stored or audited', async () => {
    const response = await invite('Sari@Toko.ID', { language: 'en' });
    expect(response.statusCode).toBe(201);
    const { user, oneTimePassword } = response.json();
    expect(user).toMatchObject({ email: 'sari@toko.id', role: 'agent', language: 'en', teamId: billing, teamIds: [billing], deactivatedAt: null });
    expect(oneTimePassword).toMatch(/^\S{16,}$/);
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { email: 'sari@toko.id', password: oneTimePassword } });
    expect(signIn.statusCode).toBe(200);
    expect((await t.db.users.findByEmailWithSecret('sari@toko.id'))!.passwordHash).not.toContain(oneTimePassword);
    const [entry] = await audit('user.invited');
    expect(entry).toMatchObject({ actorUserId: adminId, target: `user:${user.id}`, data: { email: 'sari@toko.id', role: 'agent', teamIds: [billing] } });
    expect(JSON.stringify(await t.db.auditLog.list({ limit: 100 }))).not.toContain(oneTimePassword);
  });

  it('a taken email, an unknown team or an unknown role is refused with its code, and nobody is created nor audited', async () => {
    const users = (await t.db.users.list()).length;
    const audits = (await t.db.auditLog.list({ limit: 100 })).length;
    const taken = await invite('SARI@toko.id');
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'user.email_taken']);
    const noTeam = await invite('dewi@toko.id', { teamIds: [billing, 99_999] });
    expect([noTeam.statusCode, noTeam.json().error.code]).toEqual([404, 'team.not_found']);
    expect((await invite('dewi@toko.id', { role: 'owner' })).json().error.code).toBe('user.invalid_role');
    expect((await invite('not-an-email')).json().error.code).toBe('validation.failed');
    expect((await t.db.users.list()).length).toBe(users);
    expect((await t.db.auditLog.list({ limit: 100 })).length).toBe(audits);
  });

  it('a role change is audited from → to, and an unknown role or user says so', async () => {
    const { user } = (await invite('budi@toko.id')).json();
    const changed = await call('PUT', `/${user.id}/role`, { role: 'supervisor' });
    expect(changed.json()).toMatchObject({ id: user.id, role: 'supervisor' });
    expect((await audit('user.role_changed')).at(0)).toMatchObject({ target: `user:${user.id}`, data: { from: 'agent', to: 'supervisor' } });
    expect((await call('PUT', `/${user.id}/role`, { role: 'boss' })).json().error.code).toBe('user.invalid_role');
    expect((await call('PUT', '/99999/role', { role: 'agent' })).json().error.code).toBe('user.not_found');
  });

  it('the last active admin can be neither demoted nor deactivated, and another admin makes it possible', async () => {
    const demoteSelf = await call('PUT', `/${adminId}/role`, { role: 'agent' });
    expect([demoteSelf.statusCode, demoteSelf.json().error.code]).toEqual([409, 'user.last_admin']);
    expect((await call('POST', `/${adminId}/deactivate`)).json().error.code).toBe('user.last_admin');
    expect((await t.db.users.findById(adminId))!.role).toBe('admin');
    const { user: second } = (await invite('kepala@toko.id', { role: 'admin' })).json();
    expect((await call('PUT', `/${second.id}/role`, { role: 'supervisor' })).statusCode).toBe(200);
    expect((await call('PUT', `/${adminId}/role`, { role: 'agent' })).json().error.code).toBe('user.last_admin');
  });

  it("teams are replaced and audited, and an unknown team changes nothing", async () => {
    const { user } = (await invite('rina@toko.id')).json();
    const support = (await t.db.teams.create('Layanan', new Date().toISOString())).id;
    expect((await call('PUT', `/${user.id}/teams`, { teamIds: [support] })).json()).toEqual({ teamIds: [support] });
    expect((await audit('user.teams_changed')).at(0)).toMatchObject({ target: `user:${user.id}`, data: { from: [billing], to: [support] } });
    expect((await call('PUT', `/${user.id}/teams`, { teamIds: [support, 424242] })).json().error.code).toBe('team.not_found');
    expect((await t.db.teams.listMembers()).filter((m) => m.userId === user.id).map((m) => m.teamId)).toEqual([support]);
  });

  it('capacity per channel is 0 to 50 open tickets: beyond is refused and the stored rows stay', async () => {
    const { user } = (await invite('ayu@toko.id')).json();
    const saved = await call('PUT', `/${user.id}/capacities`, { capacities: [{ channel: 'whatsapp', maxOpen: 4 }, { channel: 'webchat', maxOpen: 0 }] });
    expect(saved.json().capacities).toEqual([
      { userId: user.id, channel: 'webchat', maxOpen: 0 },
      { userId: user.id, channel: 'whatsapp', maxOpen: 4 },
    ]);
    const tooMany = await call('PUT', `/${user.id}/capacities`, { capacities: [{ channel: 'instagram', maxOpen: 51 }] });
    expect([tooMany.statusCode, tooMany.json().error.code]).toEqual([400, 'user.invalid_capacity']);
    expect((await call('PUT', `/${user.id}/capacities`, { capacities: [{ channel: 'instagram', maxOpen: -1 }] })).json().error.code).toBe('user.invalid_capacity');
    expect((await call('PUT', `/${user.id}/capacities`, { capacities: [{ channel: 'fax', maxOpen: 1 }] })).json().error.code).toBe('validation.failed');
    expect(await t.db.agentCapacities.list(user.id)).toHaveLength(2);
    expect((await audit('user.capacity_changed')).at(0)?.data).toEqual({ from: [], to: [{ channel: 'whatsapp', maxOpen: 4 }, { channel: 'webchat', maxOpen: 0 }] });
  });

  it('a deactivated user is signed out at once, cannot sign in again, and cannot be changed further', async () => {
    const { user, oneTimePassword } = (await invite('joko@toko.id')).json();
    const token = (await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { email: 'joko@toko.id', password: oneTimePassword } })).json().token;
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(200);
    const done = await call('POST', `/${user.id}/deactivate`);
    expect(done.statusCode).toBe(200);
    expect(done.json().id).toBe(user.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).json().error.code).toBe('auth.unauthenticated');
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { email: 'joko@toko.id', password: oneTimePassword } });
    expect([again.statusCode, again.json().error.code]).toEqual([403, 'user.deactivated']);
    const wrongPassword = await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { email: 'joko@toko.id', password: 'guess-guess-guess' } });
    expect(wrongPassword.json().error.code).toBe('auth.invalid_credentials');
    expect((await call('PUT', `/${user.id}/role`, { role: 'admin' })).json().error.code).toBe('user.deactivated');
    expect((await audit('user.deactivated')).at(0)).toMatchObject({ target: `user:${user.id}`, data: { sessionsEnded: 1 } });
    const listed = (await call('GET', '')).json().items.find((u: { id: number }) => u.id === user.id);
    expect(listed.deactivatedAt).not.toBeNull();
    // The admin list keeps the account; the assignee menus no longer offer it.
    const assignable = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { authorization: `Bearer ${await t.login()}` } })).json<{ items: { id: number }[] }>().items;
    expect(assignable.map((u) => u.id)).not.toContain(user.id);
    expect(assignable.map((u) => u.id)).toContain(t.agentId);
  });

  it('agents may not administer users, and their attempt leaves no account behind', async () => {
    expect((await call('GET', '', undefined, agent)).statusCode).toBe(403);
    const refused = await call('POST', '', { name: 'X', email: 'x@toko.id', role: 'admin', teamIds: [] }, agent);
    expect(refused.json().error.code).toBe('auth.forbidden');
    expect(await t.db.users.findByEmailWithSecret('x@toko.id')).toBeNull();
    expect((await t.db.auditLog.list({ limit: 100 })).every((e: AuditEntry) => e.actorUserId !== t.agentId)).toBe(true);
  });
});
