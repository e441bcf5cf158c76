import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWorkflowSettings, ingestMessage, systemClock } from '@keluh/core';
import { scryptHasher } from '../../security/password-hasher.ts';
import { adjustableClock } from '../../testing/adjustable-clock.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('shaping the workflow: categories, settings and the stuck list', () => {
  let t: TestApp;
  let agent: Record<string, string>;
  let admin: Record<string, string>;
  let supervisor: Record<string, string>;
  const clock = adjustableClock();

  beforeAll(async () => {
    t = await startTestApp({ clock });
    agent = { authorization: `Bearer ${await t.login()}` };
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    // A supervisor of the default team, where ingest puts the tickets: the stuck list shows their teams' tickets.
    const teamId = (await t.db.teams.findDefault())!.id;
    await t.db.users.create({ email: 'spv@keluh.test', name: 'Supervisor Sari', role: 'supervisor', teamId, passwordHash: await scryptHasher.hash('supervisor-pass-1') }, clock.now());
    const token = (await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { email: 'spv@keluh.test', password: 'supervisor-pass-1' } })).json<{ token: string }>().token;
    supervisor = { authorization: `Bearer ${token}` };
  });
  afterAll(() => t.close());

  it('a fresh install offers the five default categories to everyone', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/workflow/categories', headers: agent });
    expect(response.statusCode).toBe(200);
    expect(response.json().map((category: { key: string }) => category.key)).toEqual(['delivery', 'payment', 'product_defect', 'service_outage', 'account']);
  });

  it('an admin changes a checklist; a checklist with repeated keys is refused and nothing is saved', async () => {
    const fact = { key: 'serial_number', kind: 'text', label: { id: 'Nomor seri', en: 'Serial number' }, question: { id: 'Nomor serinya?', en: 'Serial number?' }, required: true };
    const body = { label: { id: 'Garansi', en: 'Warranty' }, facts: [fact], position: 5 };
    const saved = await t.app.inject({ method: 'PUT', url: '/api/workflow/categories/warranty', headers: admin, payload: body });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ key: 'warranty', facts: [fact], archived: false });
    const repeated = await t.app.inject({ method: 'PUT', url: '/api/workflow/categories/warranty', headers: admin, payload: { ...body, facts: [fact, fact], position: 9 } });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.code).toBe('validation.failed');
    expect(await t.db.categories.find('warranty')).toMatchObject({ position: 5, facts: [fact] });
    const badKey = await t.app.inject({ method: 'PUT', url: '/api/workflow/categories/Bad-Key', headers: admin, payload: body });
    expect(badKey.statusCode).toBe(400);
  });

  it('settings are the defaults until an admin saves their own thresholds and root causes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/workflow/settings', headers: agent })).json()).toEqual(defaultWorkflowSettings);
    const settings = { stageThresholdMinutes: { 1: 10, 2: 60, 3: 240, 4: 1440, 5: 4320 }, rootCauses: defaultWorkflowSettings.rootCauses };
    expect((await t.app.inject({ method: 'PUT', url: '/api/workflow/settings', headers: admin, payload: settings })).json()).toEqual(settings);
    const zero = await t.app.inject({ method: 'PUT', url: '/api/workflow/settings', headers: admin, payload: { ...settings, stageThresholdMinutes: { ...settings.stageThresholdMinutes, 1: 0 } } });
    expect(zero.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/workflow/settings', headers: agent })).json()).toEqual(settings);
  });

  it('supervisors see tickets sitting in a stage past its threshold, and agents may not', async () => {
    const { ticket } = await ingestMessage(
      { db: t.db, clock, events: { publish: () => undefined } },
      { kind: 'message', channel: 'webchat', externalMessageId: 'stuck-1', sender: { externalId: 'stuck-visitor', displayName: 'Rina' }, body: 'Halo, paket saya hilang', sentAt: systemClock.now() },
    );
    await t.app.inject({ method: 'GET', url: `/api/tickets/${ticket.id}/workflow`, headers: agent });
    const before = await t.app.inject({ method: 'GET', url: '/api/workflow/stuck', headers: supervisor });
    expect(before.json().map((row: { ticketId: number }) => row.ticketId)).not.toContain(ticket.id);
    clock.advance(11 * 60_000);
    const after = await t.app.inject({ method: 'GET', url: '/api/workflow/stuck', headers: supervisor });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toContainEqual(expect.objectContaining({ ticketId: ticket.id, stage: 1, thresholdMs: 10 * 60_000, subject: expect.any(String) }));
    expect((await t.app.inject({ method: 'GET', url: `/api/tickets/${ticket.id}/workflow`, headers: agent })).json()).toMatchObject({ stuck: true });
    const refused = await t.app.inject({ method: 'GET', url: '/api/workflow/stuck', headers: agent });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.forbidden');
  });
});
