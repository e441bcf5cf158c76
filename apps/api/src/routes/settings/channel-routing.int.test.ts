import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage, type ChannelKind } from '@keluh/core';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { teamMember } from '../../testing/team-fixture.ts';

describe('routing each channel’s new tickets to a team', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let salesTeamId: number;
  let defaultTeamId: number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    salesTeamId = (await teamMember(t, 'Penjualan', 'agent', 'maya@keluh.test')).teamId;
    defaultTeamId = (await t.db.teams.findDefault())!.id;
  });
  afterAll(() => t.close());

  const put = (headers: Record<string, string>, payload: unknown) => t.app.inject({ method: 'PUT', url: '/api/settings/routing', headers, payload: payload as object });
  const stored = async () => (await t.app.inject({ method: 'GET', url: '/api/settings/routing', headers: admin })).json();
  const firstMessage = async (channel: ChannelKind, sender: string) =>
    (await ingestMessage(t.app.services.core, { kind: 'message', channel, externalMessageId: `route-${sender}`, sender: { externalId: sender, displayName: sender }, body: 'Barang saya belum datang', sentAt: new Date().toISOString() })).ticket;

  it('a routed channel opens its new tickets in its team; the others stay in the default team', async () => {
    expect(await stored()).toEqual({ channelTeams: {} });
    const saved = await put(admin, { channelTeams: { instagram: salesTeamId } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ channelTeams: { instagram: salesTeamId } });
    expect((await firstMessage('instagram', 'ig-routed')).teamId).toBe(salesTeamId);
    expect((await firstMessage('webchat', 'web-unrouted')).teamId).toBe(defaultTeamId);
    const audit = await t.db.auditLog.list({ limit: 10 });
    expect(audit.find((entry) => entry.target === 'settings:routing')).toMatchObject({ action: 'settings.changed', data: { channelTeams: { from: {}, to: { instagram: salesTeamId } } } });
  });

  it('an open ticket stays in its team when the routing changes; the customer’s next ticket follows it', async () => {
    await put(admin, { channelTeams: { whatsapp: salesTeamId } });
    const open = await firstMessage('whatsapp', '6281234500001');
    expect(open.teamId).toBe(salesTeamId);
    await put(admin, { channelTeams: {} });
    const again = await ingestMessage(t.app.services.core, { kind: 'message', channel: 'whatsapp', externalMessageId: 'route-again', sender: { externalId: '6281234500001', displayName: 'x' }, body: 'Halo?', sentAt: new Date().toISOString() });
    expect(again.ticket).toMatchObject({ id: open.id, teamId: salesTeamId });
  });

  it('refuses a team that does not exist, a channel that does not, and an agent, saving nothing', async () => {
    await put(admin, { channelTeams: { webchat: salesTeamId } });
    const missing = await put(admin, { channelTeams: { webchat: defaultTeamId, whatsapp: 9999 } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'team.not_found', details: { teamId: 9999, channel: 'whatsapp' } });
    const channel = await put(admin, { channelTeams: { telegram: salesTeamId } });
    expect(channel.statusCode).toBe(400);
    expect(channel.json().error.code).toBe('validation.failed');
    expect((await put(admin, { channelTeams: { webchat: 0 } })).json().error.code).toBe('validation.failed');
    const agent = await put({ authorization: `Bearer ${await t.login()}` }, { channelTeams: {} });
    expect(agent.statusCode).toBe(403);
    expect(agent.json().error.code).toBe('auth.forbidden');
    expect(await stored()).toEqual({ channelTeams: { webchat: salesTeamId } });
  });
});
