import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSlaPolicy,
  ingestMessage,
  replyToTicket,
  saveTeamCalendar,
  seedDefaultHolidays,
  updateTicket,
  type CoreDeps,
  type Database,
  type SlaClock,
  type SlaMetric,
  type StoredEvent,
} from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher } from '../testing/fixtures.ts';

const HOUR = 3600;
/** Local WIB wall time as an instant: the default calendar is Monday–Friday 08:00–17:00 in Asia/Jakarta. */
const wib = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();
const MONDAY = '2026-03-02';

describe('SLA clocks through ingest, replies and status changes', () => {
  let db: Database;
  let deps: CoreDeps;
  let clock: ReturnType<typeof fakeClock>;
  let events: ReturnType<typeof recordingPublisher>;
  let agentId: number;
  let sender = 0;

  beforeEach(async () => {
    db = await freshDb();
    clock = fakeClock(wib(MONDAY, '09:00'), 0);
    events = recordingPublisher();
    deps = { db, clock, events };
    await seedDefaultHolidays(deps);
    agentId = (await db.users.create({ email: 'sari@k.id', name: 'Sari', role: 'agent', passwordHash: 'h', teamId: 1 }, clock.now())).id;
    await createSlaPolicy(deps, { priority: 'normal', firstResponseSeconds: HOUR, nextResponseSeconds: 2 * HOUR, resolutionSeconds: 8 * HOUR, businessHours: true });
  });
  afterEach(() => db.close());

  const at = (instant: string) => clock.advance(Date.parse(instant) - Date.parse(clock.now()));
  const customerWrites = async (instant: string, body = 'Paket saya belum sampai', from = `62812${sender}`) => {
    at(instant);
    return (await ingestMessage(deps, { kind: 'message', channel: 'whatsapp', externalMessageId: `wamid.${from}.${instant}`, sender: { externalId: from, displayName: 'Rina' }, body, sentAt: instant })).ticket;
  };
  const clocksOf = async (ticketId: number): Promise<Record<SlaMetric, SlaClock | undefined>> => {
    const clocks = await db.slaClocks.listForTicket(ticketId);
    return { first_response: clocks.find((c) => c.metric === 'first_response'), next_response: clocks.find((c) => c.metric === 'next_response'), resolution: clocks.find((c) => c.metric === 'resolution') };
  };
  const slaEvents = (ticketId: number) => events.published.filter((event): event is Extract<StoredEvent, { type: 'sla.updated' }> => event.type === 'sla.updated' && event.ticketId === ticketId);
  beforeEach(() => void (sender += 1));

  it('a message late on Monday is due on Tuesday morning, pushed as sla.updated with its breach job scheduled', async () => {
    const ticket = await customerWrites(wib(MONDAY, '16:30'));
    const { first_response: first, resolution } = await clocksOf(ticket.id);
    expect(first).toMatchObject({ state: 'running', dueAt: wib('2026-03-03', '08:30'), warnAt: wib('2026-03-03', '08:18') });
    expect(resolution).toMatchObject({ state: 'running', dueAt: wib('2026-03-03', '15:30') });
    expect(slaEvents(ticket.id).at(-1)?.payload).toMatchObject({ change: 'recomputed', clocks: expect.arrayContaining([expect.objectContaining({ metric: 'first_response' })]) });
    expect(await db.jobs.findByKey('sla.breach', `${ticket.id}:first_response:${first!.startedAt}@${first!.dueAt}`)).toMatchObject({ state: 'pending', runAt: first!.dueAt });
  });

  it('an automated reply does not stop the first-response clock; the agent’s own reply does', async () => {
    const ticket = await customerWrites(wib(MONDAY, '09:00'));
    at(wib(MONDAY, '09:01'));
    await replyToTicket(deps, { ticketId: ticket.id, authorUserId: agentId, body: 'Terima kasih, pesan Anda kami terima.', automated: true });
    expect((await clocksOf(ticket.id)).first_response).toMatchObject({ state: 'running', stoppedAt: null });
    at(wib(MONDAY, '09:40'));
    await replyToTicket(deps, { ticketId: ticket.id, authorUserId: agentId, body: 'Mohon maaf, saya cek pengirimannya sekarang.' });
    expect((await clocksOf(ticket.id)).first_response).toMatchObject({ state: 'met', stoppedAt: wib(MONDAY, '09:40'), remainingSeconds: 20 * 60 });
  });

  it('pending over a night pauses resolution and next response, and opening the next morning resumes them', async () => {
    const ticket = await customerWrites(wib(MONDAY, '09:00'));
    at(wib(MONDAY, '09:05'));
    await replyToTicket(deps, { ticketId: ticket.id, authorUserId: agentId, body: 'Boleh minta nomor pesanannya?' });
    await customerWrites(wib(MONDAY, '12:00'), 'INV-2211');
    at(wib(MONDAY, '13:00'));
    await updateTicket(deps, ticket.id, { status: 'pending' });
    expect(await clocksOf(ticket.id)).toMatchObject({ resolution: { state: 'paused', dueAt: null, remainingSeconds: 4 * HOUR }, next_response: { state: 'paused', remainingSeconds: HOUR } });
    at(wib('2026-03-03', '10:00'));
    await updateTicket(deps, ticket.id, { status: 'open' });
    expect(await clocksOf(ticket.id)).toMatchObject({ resolution: { state: 'running', dueAt: wib('2026-03-03', '14:00') }, next_response: { state: 'running', dueAt: wib('2026-03-03', '11:00') } });
  });

  it('a customer writing on a pending ticket reopens it and its clocks run again', async () => {
    const ticket = await customerWrites(wib(MONDAY, '09:00'));
    at(wib(MONDAY, '10:00'));
    await updateTicket(deps, ticket.id, { status: 'pending' });
    await customerWrites(wib(MONDAY, '15:00'), 'Halo? Masih ditunggu');
    // One hour used before the pause; seven left: 15:00–17:00 today, 08:00–13:00 tomorrow.
    expect((await clocksOf(ticket.id)).resolution).toMatchObject({ state: 'running', dueAt: wib('2026-03-03', '13:00') });
  });

  it('a message on the Christmas cuti bersama is due after the holiday and the weekend', async () => {
    const ticket = await customerWrites(wib('2026-12-24', '10:00'));
    expect((await clocksOf(ticket.id)).first_response?.dueAt).toBe(wib('2026-12-28', '09:00'));
  });

  it('a team working an overnight shift in WITA counts past midnight', async () => {
    const team = await db.teams.create('Shift malam', clock.now());
    await saveTeamCalendar(deps, team.id, { timeZone: 'Asia/Makassar', windows: [{ weekday: 1, start: '20:00', end: '04:00', overnight: true }], holidayListId: null });
    // The ticket belongs to the team before the customer's first message (ingest puts it there once the scope slice lands).
    const customer = await db.customers.create({ name: 'Andi' }, clock.now());
    await db.identities.insertIfAbsent({ customerId: customer.id, channel: 'whatsapp', externalId: 'night-1' }, clock.now());
    const opened = (await db.tickets.createActiveIfAbsent({ customerId: customer.id, subject: 'Malam', channel: 'whatsapp' }, clock.now()))!;
    await db.tickets.update(opened.id, { teamId: team.id }, clock.now());
    // 23:30 WITA on Monday: half an hour tonight, half an hour after midnight.
    await customerWrites(new Date(`${MONDAY}T23:30:00+08:00`).toISOString(), 'Tolong dibantu', 'night-1');
    expect((await clocksOf(opened.id)).first_response?.dueAt).toBe(new Date('2026-03-03T00:30:00+08:00').toISOString());
  });

  it('raising the priority re-targets the clock and keeps the time already used', async () => {
    await createSlaPolicy(deps, { priority: 'urgent', firstResponseSeconds: 30 * 60, nextResponseSeconds: null, resolutionSeconds: 4 * HOUR, businessHours: true });
    const ticket = await customerWrites(wib(MONDAY, '09:00'));
    at(wib(MONDAY, '09:20'));
    await updateTicket(deps, ticket.id, { priority: 'urgent' });
    expect((await clocksOf(ticket.id)).first_response).toMatchObject({ targetSeconds: 30 * 60, dueAt: wib(MONDAY, '09:30') });
  });

  it('a change that moves no clock emits no sla.updated', async () => {
    const ticket = await customerWrites(wib(MONDAY, '09:00'));
    const before = slaEvents(ticket.id).length;
    at(wib(MONDAY, '09:10'));
    await updateTicket(deps, ticket.id, { assigneeId: agentId });
    expect(slaEvents(ticket.id)).toHaveLength(before);
  });
});
