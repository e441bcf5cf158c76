import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage } from '@keluh/core';
import type { HolidayListDto, SlaClockDto, SlaPolicyDto, TeamCalendarDto, TicketDetailDto } from '@keluh/contracts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('SLA configuration over HTTP', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let agent: Record<string, string>;
  let teamId: number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    agent = { authorization: `Bearer ${await t.login()}` };
    teamId = (await t.db.teams.create('Tim SLA', new Date().toISOString())).id;
  });
  afterAll(() => t.close());

  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers = admin, payload?: unknown) => t.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });

  it('an admin adds a policy with only a first-response target, as the board’s spec does', async () => {
    const response = await send('POST', '/api/sla/policies', admin, { priority: 'normal', firstResponseSeconds: 20, businessHours: false });
    expect(response.statusCode).toBe(201);
    expect(response.json<SlaPolicyDto>()).toMatchObject({ priority: 'normal', firstResponseSeconds: 20, nextResponseSeconds: null, resolutionSeconds: null, businessHours: false, escalation: [], channel: null, teamId: null });
    const listed = (await send('GET', '/api/sla/policies', agent)).json<{ items: SlaPolicyDto[] }>();
    expect(listed.items.map((policy) => policy.id)).toContain(response.json<SlaPolicyDto>().id);
  });

  it('replaces and removes a policy, and a missing one is sla.policy_not_found', async () => {
    const made = (await send('POST', '/api/sla/policies', admin, { priority: 'high', channel: 'whatsapp', teamId, firstResponseSeconds: 600, escalation: ['notify_supervisors'] })).json<SlaPolicyDto>();
    const replaced = await send('PUT', `/api/sla/policies/${made.id}`, admin, { priority: 'urgent', firstResponseSeconds: 300, resolutionSeconds: 3600, escalation: ['raise_priority', 'reassign'] });
    expect(replaced.json<SlaPolicyDto>()).toMatchObject({ id: made.id, priority: 'urgent', channel: null, teamId: null, escalation: ['raise_priority', 'reassign'], businessHours: true });
    expect((await send('DELETE', `/api/sla/policies/${made.id}`)).statusCode).toBe(204);
    const again = await send('DELETE', `/api/sla/policies/${made.id}`);
    expect([again.statusCode, again.json().error.code]).toEqual([404, 'sla.policy_not_found']);
  });

  it.each([
    ['a first-response target of 0', { priority: 'low', firstResponseSeconds: 0 }],
    ['a negative resolution target', { priority: 'low', firstResponseSeconds: 60, resolutionSeconds: -60 }],
  ])('refuses %s with sla.invalid_target and stores nothing', async (_title, body) => {
    const before = (await send('GET', '/api/sla/policies')).json<{ items: SlaPolicyDto[] }>().items.length;
    const response = await send('POST', '/api/sla/policies', admin, body);
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'sla.invalid_target']);
    expect((await send('GET', '/api/sla/policies')).json<{ items: SlaPolicyDto[] }>().items).toHaveLength(before);
  });

  it('a policy for a team that does not exist is team.not_found', async () => {
    const response = await send('POST', '/api/sla/policies', admin, { priority: 'low', teamId: 999_999, firstResponseSeconds: 60 });
    expect([response.statusCode, response.json().error.code]).toEqual([404, 'team.not_found']);
  });

  it('an agent reads the configuration but may not change it', async () => {
    const response = await send('POST', '/api/sla/policies', agent, { priority: 'low', firstResponseSeconds: 60 });
    expect([response.statusCode, response.json().error.code]).toEqual([403, 'auth.forbidden']);
    expect((await send('PUT', `/api/sla/teams/${teamId}/calendar`, agent, { windows: [{ weekday: 1, start: '08:00', end: '17:00' }], holidayListId: null })).statusCode).toBe(403);
    expect((await send('GET', `/api/sla/teams/${teamId}/calendar`, agent)).statusCode).toBe(200);
  });

  it('a team works the default hours until an admin saves its calendar with a zone, several windows a day and a night shift', async () => {
    expect((await send('GET', `/api/sla/teams/${teamId}/calendar`)).json<TeamCalendarDto>()).toMatchObject({ teamId, timeZone: 'Asia/Jakarta', custom: false, windows: expect.arrayContaining([{ weekday: 1, start: '08:00', end: '17:00' }]) });
    const windows = [{ weekday: 1, start: '08:00', end: '12:00' }, { weekday: 1, start: '13:00', end: '17:00' }, { weekday: 5, start: '22:00', end: '06:00', overnight: true }];
    const saved = await send('PUT', `/api/sla/teams/${teamId}/calendar`, admin, { timeZone: 'Asia/Jayapura', windows, holidayListId: null });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<TeamCalendarDto>()).toEqual({ teamId, timeZone: 'Asia/Jayapura', windows, holidayListId: null, custom: true });
    const listed = (await send('GET', '/api/sla/calendars', agent)).json<{ items: (TeamCalendarDto & { teamName: string })[] }>().items;
    expect(listed).toContainEqual({ teamId, teamName: 'Tim SLA', timeZone: 'Asia/Jayapura', windows, holidayListId: null, custom: true });
  });

  it.each([
    ['a window ending before it starts', { windows: [{ weekday: 2, start: '17:00', end: '08:00' }] }, 'sla.window_inverted'],
    ['two overlapping windows', { windows: [{ weekday: 2, start: '08:00', end: '12:00' }, { weekday: 2, start: '11:00', end: '14:00' }] }, 'sla.window_overlap'],
    ['a zone that does not exist', { timeZone: 'Asia/Bandung', windows: [{ weekday: 2, start: '08:00', end: '12:00' }] }, 'sla.invalid_time_zone'],
    ['a calendar without hours', { windows: [] }, 'sla.calendar_empty'],
  ])('refuses %s with its code and keeps the saved calendar', async (_title, body, code) => {
    const before = (await send('GET', `/api/sla/teams/${teamId}/calendar`)).json<TeamCalendarDto>();
    const response = await send('PUT', `/api/sla/teams/${teamId}/calendar`, admin, { holidayListId: null, ...body });
    expect([response.statusCode, response.json().error.code]).toEqual([400, code]);
    expect((await send('GET', `/api/sla/teams/${teamId}/calendar`)).json<TeamCalendarDto>()).toEqual(before);
  });

  it('ships the 2026 national holidays and cuti bersama as an editable list, and refuses overlapping days', async () => {
    const [list] = (await send('GET', '/api/sla/holiday-lists', agent)).json<{ items: HolidayListDto[] }>().items;
    expect(list).toMatchObject({ name: 'Indonesia 2026' });
    expect(list!.holidays).toContainEqual({ start: '2026-03-21', end: '2026-03-22', name: 'Idul Fitri 1447 H', kind: 'national' });
    expect(list!.holidays.filter((holiday) => holiday.kind === 'cuti_bersama')).toHaveLength(7);
    const overlapping = await send('PUT', `/api/sla/holiday-lists/${list!.id}`, admin, { name: list!.name, holidays: [...list!.holidays, { start: '2026-03-22', end: '2026-03-23', name: 'Tambahan', kind: 'company' }] });
    expect([overlapping.statusCode, overlapping.json().error.code]).toEqual([400, 'sla.holiday_overlap']);
    const edited = await send('PUT', `/api/sla/holiday-lists/${list!.id}`, admin, { name: list!.name, holidays: [...list!.holidays, { start: '2026-07-01', end: '2026-07-01', name: 'Ulang tahun kantor', kind: 'company' }] });
    expect(edited.json<HolidayListDto>().holidays).toContainEqual({ start: '2026-07-01', end: '2026-07-01', name: 'Ulang tahun kantor', kind: 'company' });
    expect((await send('PUT', `/api/sla/holiday-lists/${list!.id + 50}`, admin, { name: 'x', holidays: [] })).json().error.code).toBe('sla.holiday_list_not_found');
  });

  it('a ticket’s clocks are served on their own and in the ticket detail', async () => {
    const { ticket } = await ingestMessage(t.app.services.core, { kind: 'message', channel: 'whatsapp', externalMessageId: 'wamid.sla-http-1', sender: { externalId: '62811777001', displayName: 'Rina' }, body: 'Pesanan saya belum datang', sentAt: new Date().toISOString() });
    const clocks = (await send('GET', `/api/tickets/${ticket.id}/sla`, agent)).json<{ items: SlaClockDto[] }>().items;
    expect(clocks).toContainEqual(expect.objectContaining({ metric: 'first_response', state: 'running', targetSeconds: 20, businessHours: false }));
    expect((await send('GET', `/api/tickets/${ticket.id}`, agent)).json<TicketDetailDto>().sla).toEqual(clocks);
    const missing = await send('GET', `/api/tickets/${ticket.id + 1000}/sla`, agent);
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'ticket.not_found']);
  });
});
