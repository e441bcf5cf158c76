import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage, type NewDomainEvent } from '@keluh/core';
import { appendHistory, historyMessage, ticketView, type TicketSpec } from '@keluh/db/testing';
import { scryptHasher } from '../../security/password-hasher.ts';
import { adjustableClock } from '../../testing/adjustable-clock.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('reports over HTTP: figures, CSV export and refusals', () => {
  let t: TestApp;
  let agent: Record<string, string>;
  let supervisor: Record<string, string>;
  let trickyAgentId: number;
  const clock = adjustableClock();
  const dayOf = (offsetDays: number) => new Date(Date.parse(clock.now()) + offsetDays * 86_400_000).toISOString().slice(0, 10);
  // Yesterday to tomorrow: a run just before midnight UTC still finds its events in range.
  const [from, to] = [dayOf(-1), dayOf(1)];
  const range = `from=${from}&to=${to}&zone=UTC`;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    agent = { authorization: `Bearer ${await t.login()}` };
    await t.db.users.create({ email: 'spv-reports@keluh.test', name: 'Supervisor Sari', role: 'supervisor', teamId: 1, passwordHash: await scryptHasher.hash('supervisor-pass-1') }, clock.now());
    const token = (await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { email: 'spv-reports@keluh.test', password: 'supervisor-pass-1' } })).json<{ token: string }>().token;
    supervisor = { authorization: `Bearer ${token}` };
    // A name a spreadsheet would split, quote-break or run as a formula.
    trickyAgentId = (await t.db.users.create({ email: 'tricky@keluh.test', name: '=Ayu "Sari", Dewi', role: 'agent', passwordHash: 'x' }, clock.now())).id;
  });
  afterAll(() => t.close());

  it('a customer message and an agent reply show up in the first-response report without waiting for the job', async () => {
    const deps = { db: t.db, clock, events: { publish: () => undefined } };
    const { ticket } = await ingestMessage(deps, { kind: 'message', channel: 'webchat', externalMessageId: 'report-1', sender: { externalId: 'report-visitor', displayName: 'Rina' }, body: 'Pesanan saya belum sampai', sentAt: clock.now() });
    clock.advance(5 * 60_000);
    const reply = await t.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/messages`, headers: agent, payload: { body: 'Mohon maaf, kami cek sekarang' } });
    expect(reply.statusCode).toBe(201);
    const response = await t.app.inject({ method: 'GET', url: `/api/reports/first_response?${range}&groupBy=channel`, headers: supervisor });
    expect(response.statusCode).toBe(200);
    expect(response.json().totals).toEqual([{ day: 'total', group: 'webchat', values: { count: 1, median: 300, p90: 300, average: 300 } }]);
  });

  it('the CSV export escapes names, starts with a byte order mark and downloads under a dated file name', async () => {
    const spec: TicketSpec = { id: 9001, channel: 'whatsapp', teamId: 1, assigneeId: trickyAgentId, customerType: 'external', characteristic: 'new', createdAt: clock.now() };
    const at = clock.now();
    const later = new Date(Date.parse(at) + 60_000).toISOString();
    await appendHistory(t.db, [
      [at, { type: 'message.created', ticketId: spec.id, customerId: spec.id, payload: { message: historyMessage(spec, at, 'customer'), ticket: ticketView(spec) } } as NewDomainEvent],
      [later, { type: 'message.created', ticketId: spec.id, customerId: spec.id, payload: { message: historyMessage(spec, later, 'agent', trickyAgentId), ticket: ticketView(spec) } } as NewDomainEvent],
    ]);
    const response = await t.app.inject({ method: 'GET', url: `/api/reports/first_response/export.csv?${range}&groupBy=agent`, headers: supervisor });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="keluh-first-response-${from}-${to}.csv"`);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('day,agent,count,median,p90,average');
    expect(lines).toContain(`${later.slice(0, 10)},"'=Ayu ""Sari"", Dewi",1,60,60,60`);
  });

  it('agents may neither read nor export reports', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/volume?${range}`, headers: agent })).json().error.code).toBe('auth.forbidden');
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/volume/export.csv?${range}`, headers: agent })).statusCode).toBe(403);
  });

  it.each([
    ['a range ending before it starts', `/api/reports/volume?from=2026-03-02&to=2026-03-01`, 400, 'report.invalid_range'],
    ['a range longer than 366 days', `/api/reports/volume?from=2025-01-01&to=2026-03-01`, 400, 'report.range_too_long'],
    ['an unknown report', `/api/reports/happiness?${range}`, 404, 'report.unknown'],
    ['an unknown grouping', `/api/reports/volume?${range}&groupBy=weather`, 400, 'validation.failed'],
    ['an unknown time zone', `/api/reports/volume?from=2026-03-01&to=2026-03-02&zone=Mars/Olympus`, 400, 'validation.failed'],
    ['a date that does not exist', `/api/reports/volume?from=2026-02-30&to=2026-03-02`, 400, 'validation.failed'],
    ['an export of an inverted range', `/api/reports/volume/export.csv?from=2026-03-02&to=2026-03-01`, 400, 'report.invalid_range'],
  ])('%s is refused with a code and folds nothing', async (_case, url, status, code) => {
    const cursor = await t.db.reportRollups.getCursor();
    const latest = await t.db.events.latestId();
    const response = await t.app.inject({ method: 'GET', url, headers: supervisor });
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
    // Nothing half-done: a refused request never moved the fold (unless the job did, which folds to the end).
    expect([cursor, latest]).toContain(await t.db.reportRollups.getCursor());
  });
});
