import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('the reopen window an admin sets', () => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
  });
  afterAll(() => t.close());

  const put = (headers: Record<string, string>, payload: unknown) => t.app.inject({ method: 'PUT', url: '/api/settings/threading', headers, payload: payload as object });
  const stored = async () => (await t.app.inject({ method: 'GET', url: '/api/settings/threading', headers: admin })).json();

  it('is three days until an admin changes it, and the change is audited', async () => {
    expect(await stored()).toEqual({ reopenDays: 3 });
    const saved = await put(admin, { reopenDays: 7 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ reopenDays: 7 });
    const audit = await t.db.auditLog.list({ limit: 10 });
    expect(audit.find((entry) => entry.target === 'settings:threading')).toMatchObject({ action: 'settings.changed', data: { reopenDays: { from: 3, to: 7 } } });
  });

  it('refuses a negative or fractional window and an agent, keeping what was stored', async () => {
    await put(admin, { reopenDays: 4 });
    for (const reopenDays of [-1, 1.5, 400, '3']) {
      const refused = await put(admin, { reopenDays });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('validation.failed');
    }
    const agent = await put({ authorization: `Bearer ${await t.login()}` }, { reopenDays: 1 });
    expect(agent.statusCode).toBe(403);
    expect(agent.json().error.code).toBe('auth.forbidden');
    expect(await stored()).toEqual({ reopenDays: 4 });
  });
});
