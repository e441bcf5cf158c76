import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, SlaClock, Ticket } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

const LATER = '2026-03-02T09:00:00.000Z';
const clockOf = (ticketId: number, overrides: Partial<SlaClock> = {}): SlaClock => ({
  ticketId, metric: 'first_response', policyId: null, targetSeconds: 3600, businessHours: true, state: 'running', startedAt: T0,
  dueAt: LATER, warnAt: '2026-03-02T08:48:00.000Z', remainingSeconds: null, stoppedAt: null, warnedAt: null, breachedAt: null, updatedAt: T0, ...overrides,
});

describe('SLA clocks', () => {
  let db: Database;
  let ticket: Ticket;
  beforeEach(async () => {
    db = await freshDb();
    ticket = await seedTicket(db);
  });
  afterEach(() => db.close());

  it('replaces a ticket’s clocks as a set: changed rows updated, missing metrics removed', async () => {
    await db.transaction((tx) => tx.slaClocks.replaceForTicket(ticket.id, [clockOf(ticket.id), clockOf(ticket.id, { metric: 'resolution', targetSeconds: 28_800 })]));
    expect((await db.slaClocks.listForTicket(ticket.id)).map((clock) => clock.metric).sort()).toEqual(['first_response', 'resolution']);
    const met = clockOf(ticket.id, { state: 'met', stoppedAt: LATER, remainingSeconds: 600 });
    await db.transaction((tx) => tx.slaClocks.replaceForTicket(ticket.id, [met]));
    expect(await db.slaClocks.listForTicket(ticket.id)).toEqual([met]);
    await db.transaction((tx) => tx.slaClocks.replaceForTicket(ticket.id, []));
    expect(await db.slaClocks.listForTicket(ticket.id)).toEqual([]);
  });

  it('marks a run warned and breached once each, even when two runners race', async () => {
    await db.transaction((tx) => tx.slaClocks.replaceForTicket(ticket.id, [clockOf(ticket.id)]));
    const warned = await Promise.all([db.slaClocks.markWarned(ticket.id, 'first_response', T0, LATER), db.slaClocks.markWarned(ticket.id, 'first_response', T0, LATER)]);
    expect(warned.sort()).toEqual([false, true]);
    const breached = await Promise.all([db.slaClocks.markBreached(ticket.id, 'first_response', T0, LATER), db.slaClocks.markBreached(ticket.id, 'first_response', T0, LATER)]);
    expect(breached.sort()).toEqual([false, true]);
    expect((await db.slaClocks.listForTicket(ticket.id))[0]).toMatchObject({ state: 'breached', warnedAt: LATER, breachedAt: LATER });
  });

  it('never marks a run that has stopped, nor one that is not the current run', async () => {
    await db.transaction((tx) => tx.slaClocks.replaceForTicket(ticket.id, [clockOf(ticket.id, { state: 'met', stoppedAt: LATER })]));
    expect(await db.slaClocks.markBreached(ticket.id, 'first_response', T0, LATER)).toBe(false);
    await db.transaction((tx) => tx.slaClocks.replaceForTicket(ticket.id, [clockOf(ticket.id, { startedAt: LATER })]));
    expect(await db.slaClocks.markWarned(ticket.id, 'first_response', T0, LATER)).toBe(false);
    expect(await db.slaClocks.markWarned(ticket.id, 'first_response', LATER, LATER)).toBe(true);
  });
});

describe('SLA policies, calendars and holiday lists', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('keeps a policy with its optional criteria and escalation rules, updates and deletes it', async () => {
    const team = await db.teams.create('Logistik', T0);
    const made = await db.slaPolicies.create({ priority: 'high', channel: 'whatsapp', teamId: team.id, customerType: 'intermediary', firstResponseSeconds: 900, nextResponseSeconds: null, resolutionSeconds: 7200, businessHours: true, escalation: ['notify_supervisors', 'reassign'] }, T0);
    expect(made).toEqual({ id: made.id, priority: 'high', channel: 'whatsapp', teamId: team.id, customerType: 'intermediary', firstResponseSeconds: 900, nextResponseSeconds: null, resolutionSeconds: 7200, businessHours: true, escalation: ['notify_supervisors', 'reassign'], createdAt: T0, updatedAt: T0 });
    const general = await db.slaPolicies.create({ priority: 'normal', firstResponseSeconds: 3600, nextResponseSeconds: 3600, resolutionSeconds: null, businessHours: false }, T0);
    expect(general).toMatchObject({ channel: null, teamId: null, customerType: null, escalation: [] });
    expect(await db.slaPolicies.update(made.id, { priority: 'urgent', firstResponseSeconds: 300, nextResponseSeconds: 300, resolutionSeconds: 3600, businessHours: false }, LATER)).toMatchObject({ priority: 'urgent', channel: null, updatedAt: LATER, createdAt: T0 });
    expect((await db.slaPolicies.list()).map((policy) => policy.id)).toEqual([made.id, general.id]);
    expect(await db.slaPolicies.delete(made.id)).toBe(true);
    expect(await db.slaPolicies.delete(made.id)).toBe(false);
    expect(await db.slaPolicies.update(made.id, { priority: 'low', firstResponseSeconds: 1, nextResponseSeconds: 1, resolutionSeconds: 1, businessHours: true }, LATER)).toBeNull();
    expect(await db.slaPolicies.findById(general.id)).toEqual(general);
  });

  it('gives a team its zone with or without a calendar, and upserts the calendar', async () => {
    const team = await db.teams.create('Makassar', T0);
    expect(await db.businessCalendars.findForTeam(team.id)).toEqual({ teamId: team.id, timeZone: 'Asia/Jakarta', calendar: null });
    const list = (await db.holidayLists.createIfAbsent('Libur kantor', [], T0))!;
    const windows = [{ weekday: 1 as const, start: '22:00', end: '06:00', overnight: true }];
    await db.businessCalendars.upsert(team.id, { windows, holidayListId: list.id }, T0);
    await db.businessCalendars.upsert(team.id, { windows: [...windows, { weekday: 2, start: '08:00', end: '12:00' }], holidayListId: null }, LATER);
    expect(await db.businessCalendars.findForTeam(team.id)).toEqual({ teamId: team.id, timeZone: 'Asia/Jakarta', calendar: { teamId: team.id, windows: [...windows, { weekday: 2, start: '08:00', end: '12:00' }], holidayListId: null, updatedAt: LATER } });
    expect(await db.businessCalendars.findForTeam(team.id + 100)).toBeNull();
  });

  it('seeds a holiday list once however many processes try, and replaces it whole', async () => {
    const holidays = [{ start: '2026-12-25', end: '2026-12-25', name: 'Natal', kind: 'national' as const }];
    const results = await Promise.all([db.holidayLists.createIfAbsent('Indonesia 2026', holidays, T0), db.holidayLists.createIfAbsent('Indonesia 2026', holidays, T0)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const [list] = await db.holidayLists.list();
    expect(list).toEqual({ id: list!.id, name: 'Indonesia 2026', holidays, updatedAt: T0 });
    const replaced = await db.holidayLists.replace(list!.id, { name: 'Indonesia 2026', holidays: [] }, LATER);
    expect(replaced).toEqual({ id: list!.id, name: 'Indonesia 2026', holidays: [], updatedAt: LATER });
    expect(await db.holidayLists.findById(list!.id)).toEqual(replaced);
    expect(await db.holidayLists.replace(list!.id + 9, { name: 'x', holidays: [] }, LATER)).toBeNull();
  });
});
