import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@keluh/core';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

const WHATSAPP_SECRETS = { appSecret: 'app-secret-A1b2C3d4E5', verifyToken: 'verify-token-F6g7H8', accessToken: 'EAAG-access-token-I9j0K1L2' };

describe('the audit log of sensitive actions', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let agent: Record<string, string>;
  let adminId: number;
  beforeAll(async () => {
    t = await startTestApp();
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    agent = { authorization: `Bearer ${await t.login()}` };
    adminId = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: admin })).json().user.id;
  });
  afterAll(() => t.close());

  const entries = async (): Promise<AuditEntry[]> => t.db.auditLog.list({ limit: 100 });
  const latest = async () => (await entries())[0]!;

  it('connecting WhatsApp and rotating its token record which settings changed, never their values', async () => {
    const settings = { ...WHATSAPP_SECRETS, phoneNumberId: '1098765432' };
    expect((await t.app.inject({ method: 'PUT', url: '/api/channels/whatsapp', headers: admin, payload: settings })).statusCode).toBe(200);
    expect(await latest()).toMatchObject({ action: 'channel.configured', actorUserId: adminId, target: 'channel:whatsapp', data: { created: true, credentialsChanged: ['accessToken', 'appSecret', 'verifyToken'] } });
    const rotated = await t.app.inject({ method: 'PUT', url: '/api/channels/whatsapp', headers: admin, payload: { ...settings, accessToken: 'EAAG-rotated-token-M3n4' } });
    expect(rotated.statusCode).toBe(200);
    const [rotation, configured] = await entries();
    expect(rotation).toMatchObject({ action: 'secret.rotated', target: 'channel:whatsapp', data: { keys: ['accessToken'] } });
    expect(configured).toMatchObject({ action: 'channel.configured', data: { created: false, changed: [], credentialsChanged: ['accessToken'] } });
    const log = JSON.stringify(await entries());
    for (const secret of [...Object.values(WHATSAPP_SECRETS), 'EAAG-rotated-token-M3n4']) expect(log).not.toContain(secret);
  });

  it('a refused channel save writes no audit entry', async () => {
    const before = (await entries()).length;
    const refused = await t.app.inject({ method: 'PUT', url: '/api/channels/whatsapp', headers: admin, payload: { ...WHATSAPP_SECRETS, phoneNumberId: 'not-a-number' } });
    expect(refused.json().error.code).toBe('validation.failed');
    expect((await entries()).length).toBe(before);
  });

  it('an API channel created, renamed, rotated and deleted is audited, and its secret never is', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/api/api-channels', headers: admin, payload: { name: 'Tokopedia chat', webhookUrl: 'https://bridge.example/keluh' } })).json();
    expect(await latest()).toMatchObject({ action: 'channel.configured', target: `api_channel:${created.id}`, data: { created: true, name: 'Tokopedia chat' } });
    const rotated = (await t.app.inject({ method: 'POST', url: `/api/api-channels/${created.id}/rotate-secret`, headers: admin })).json();
    expect(await latest()).toMatchObject({ action: 'secret.rotated', target: `api_channel:${created.id}`, data: { keys: ['secret'] } });
    await t.app.inject({ method: 'PATCH', url: `/api/api-channels/${created.id}`, headers: admin, payload: { name: 'Shopee chat' } });
    expect(await latest()).toMatchObject({ action: 'channel.configured', data: { changed: ['name'], name: 'Shopee chat' } });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/api-channels/${created.id}`, headers: admin })).statusCode).toBe(204);
    expect(await latest()).toMatchObject({ action: 'channel.configured', data: { deleted: true } });
    const log = JSON.stringify(await entries());
    expect(log).not.toContain(created.secret);
    expect(log).not.toContain(rotated.secret);
    const before = (await entries()).length;
    expect((await t.app.inject({ method: 'POST', url: '/api/api-channels/999999/rotate-secret', headers: admin })).json().error.code).toBe('api_channel.not_found');
    expect((await entries()).length).toBe(before);
  });

  it('workflow settings, categories and phrase bank changes are settings changes by their admin', async () => {
    const settings = (await t.app.inject({ method: 'GET', url: '/api/workflow/settings', headers: admin })).json();
    expect((await t.app.inject({ method: 'PUT', url: '/api/workflow/settings', headers: admin, payload: settings })).statusCode).toBe(200);
    expect(await latest()).toMatchObject({ action: 'settings.changed', actorUserId: adminId, target: 'settings:workflow' });
    const [category] = (await t.app.inject({ method: 'GET', url: '/api/workflow/categories', headers: admin })).json();
    const { key, updatedAt: _at, ...body } = category;
    expect((await t.app.inject({ method: 'PUT', url: `/api/workflow/categories/${key}`, headers: admin, payload: body })).statusCode).toBe(200);
    expect(await latest()).toMatchObject({ action: 'settings.changed', target: `category:${key}` });
    const phrase = { key: 'audit_probe', stage: 1, language: 'id', title: 'Maaf', body: 'Kak {customer_name}, mohon maaf.' };
    const created = (await t.app.inject({ method: 'POST', url: '/api/phrases', headers: admin, payload: phrase })).json();
    expect(await latest()).toMatchObject({ action: 'settings.changed', target: `phrase:${created.id}`, data: { created: { key: 'audit_probe' } } });
    await t.app.inject({ method: 'DELETE', url: `/api/phrases/${created.id}`, headers: admin });
    expect(await latest()).toMatchObject({ target: `phrase:${created.id}`, data: { deleted: true } });
    const before = (await entries()).length;
    expect((await t.app.inject({ method: 'PUT', url: '/api/phrases/999999', headers: admin, payload: phrase })).json().error.code).toBe('phrase.not_found');
    expect((await entries()).length).toBe(before);
  });

  it('admins read the log newest first, filter it by action and actor, and page through it', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/audit?limit=100', headers: admin })).json();
    expect(all.items.length).toBeGreaterThan(8);
    expect(all.items.map((e: AuditEntry) => e.id)).toEqual([...all.items.map((e: AuditEntry) => e.id)].sort((a, b) => b - a));
    const rotations = (await t.app.inject({ method: 'GET', url: '/api/audit?action=secret.rotated', headers: admin })).json();
    expect(rotations.items.map((e: AuditEntry) => e.target)).toEqual([expect.stringMatching(/^api_channel:/), 'channel:whatsapp']);
    expect((await t.app.inject({ method: 'GET', url: `/api/audit?actorUserId=${t.agentId}`, headers: admin })).json().items).toEqual([]);
    const pages: number[] = [];
    let before: number | null = null;
    do {
      const page: { items: AuditEntry[]; nextBefore: number | null } = (await t.app.inject({ method: 'GET', url: `/api/audit?limit=3${before ? `&before=${before}` : ''}`, headers: admin })).json();
      pages.push(...page.items.map((e) => e.id));
      before = page.nextBefore;
    } while (before !== null);
    expect(pages).toEqual(all.items.map((e: AuditEntry) => e.id));
    expect((await t.app.inject({ method: 'GET', url: '/api/audit?action=user.hacked', headers: admin })).json().error.code).toBe('validation.failed');
  });

  it('agents may not read the audit log', async () => {
    const refused = await t.app.inject({ method: 'GET', url: '/api/audit', headers: agent });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'auth.forbidden']);
  });
});
