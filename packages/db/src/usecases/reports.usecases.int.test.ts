import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, foldRollupPageIn, foldRollups, getReport, type CoreDeps, type NewDomainEvent } from '@keluh/core';
import { fakeClock, recordingPublisher } from '../testing/fixtures.ts';
import { openTestDatabase, reopenTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { appendHistory, clock, message, rated, settled, stageMoved, ticketView, type TicketSpec } from '../testing/report-history.ts';

const DEWI = 11;
const BUDI = 12;
const TEAM = 1;
// 08:00 WIB on Monday 2 March: a WhatsApp complaint from a loyal end buyer, answered by Dewi.
const wa: TicketSpec = { id: 101, channel: 'whatsapp', teamId: TEAM, assigneeId: DEWI, customerType: 'external', characteristic: 'loyal', createdAt: '2026-03-02T01:00:00.000Z' };
// 23:30 WIB on 2 March, which is already 01:30 on 3 March in Jayapura (WIT): an Instagram reseller, Budi's.
const ig: TicketSpec = { id: 102, channel: 'instagram', teamId: TEAM, assigneeId: BUDI, customerType: 'intermediary', characteristic: 'thrifty', createdAt: '2026-03-02T16:30:00.000Z' };

const ev = (ticketId: number, event: Omit<NewDomainEvent, 'ticketId' | 'customerId'>) => ({ ...event, ticketId, customerId: ticketId }) as NewDomainEvent;
const igFirstMet = clock(ig.id, 'first_response', '2026-03-02T16:30:00.000Z', { state: 'met', stoppedAt: '2026-03-02T16:32:00.000Z' });
const igResolutionBreached = clock(ig.id, 'resolution', '2026-03-02T16:30:00.000Z', { state: 'breached', breachedAt: '2026-03-02T16:50:00.000Z' });

const history: [string, NewDomainEvent][] = [
  ['2026-03-02T01:00:00.000Z', ev(wa.id, { type: 'ticket.created', payload: { ticket: ticketView(wa) } })],
  ['2026-03-02T01:00:00.000Z', ev(wa.id, { type: 'message.created', payload: { message: message(wa, '2026-03-02T01:00:00.000Z', 'customer'), ticket: ticketView(wa) } })],
  // First response: 10 minutes.
  ['2026-03-02T01:10:00.000Z', ev(wa.id, { type: 'message.created', payload: { message: message(wa, '2026-03-02T01:10:00.000Z', 'agent', DEWI), ticket: ticketView(wa) } })],
  ['2026-03-02T01:10:00.000Z', ev(wa.id, { type: 'sla.updated', payload: { ticketId: wa.id, clocks: [clock(wa.id, 'first_response', '2026-03-02T01:00:00.000Z', { state: 'met', stoppedAt: '2026-03-02T01:10:00.000Z' })], change: 'recomputed' } })],
  ['2026-03-02T01:10:00.000Z', stageMoved(wa, 1, 600, '2026-03-02T01:10:00.000Z')],
  ['2026-03-02T02:00:00.000Z', ev(wa.id, { type: 'message.created', payload: { message: message(wa, '2026-03-02T02:00:00.000Z', 'customer'), ticket: ticketView(wa) } })],
  ['2026-03-02T02:10:00.000Z', ev(wa.id, { type: 'message.created', payload: { message: message(wa, '2026-03-02T02:10:00.000Z', 'customer'), ticket: ticketView(wa) } })],
  // An automated message answers nobody: the next response runs from 02:00 until Dewi writes at 02:30.
  ['2026-03-02T02:01:00.000Z', ev(wa.id, { type: 'message.created', payload: { message: message(wa, '2026-03-02T02:01:00.000Z', 'system'), ticket: ticketView(wa) } })],
  ['2026-03-02T02:30:00.000Z', ev(wa.id, { type: 'message.created', payload: { message: message(wa, '2026-03-02T02:30:00.000Z', 'agent', DEWI), ticket: ticketView(wa) } })],
  // Resolved after 4 hours, rated 5, promise kept.
  ['2026-03-02T05:00:00.000Z', ev(wa.id, { type: 'ticket.updated', payload: { ticket: ticketView(wa, { status: 'resolved', resolvedAt: '2026-03-02T05:00:00.000Z' }), changes: ['status'] } })],
  ['2026-03-02T05:30:00.000Z', ev(wa.id, { type: 'review.updated', payload: { review: rated(wa, 5, '2026-03-02T05:30:00.000Z'), change: 'rated' } })],
  ['2026-03-02T05:40:00.000Z', ev(wa.id, { type: 'promise.updated', payload: { promise: settled(wa, DEWI, 'kept', '2026-03-02T05:40:00.000Z'), change: 'kept' } })],

  ['2026-03-02T16:30:00.000Z', ev(ig.id, { type: 'ticket.created', payload: { ticket: ticketView(ig) } })],
  ['2026-03-02T16:30:00.000Z', ev(ig.id, { type: 'message.created', payload: { message: message(ig, '2026-03-02T16:30:00.000Z', 'customer'), ticket: ticketView(ig) } })],
  // First response: 2 minutes.
  ['2026-03-02T16:32:00.000Z', ev(ig.id, { type: 'message.created', payload: { message: message(ig, '2026-03-02T16:32:00.000Z', 'agent', BUDI), ticket: ticketView(ig) } })],
  ['2026-03-02T16:32:00.000Z', ev(ig.id, { type: 'sla.updated', payload: { ticketId: ig.id, clocks: [igFirstMet], change: 'recomputed' } })],
  // The resolution clock breaches; every later recompute repeats both final clocks, which still count once.
  ['2026-03-02T16:50:00.000Z', ev(ig.id, { type: 'sla.updated', payload: { ticketId: ig.id, clocks: [igFirstMet, igResolutionBreached], change: 'breached' } })],
  ['2026-03-02T16:55:00.000Z', ev(ig.id, { type: 'sla.updated', payload: { ticketId: ig.id, clocks: [igFirstMet, { ...igResolutionBreached, stoppedAt: '2026-03-02T16:55:00.000Z' }], change: 'recomputed' } })],
  ['2026-03-02T16:56:00.000Z', ev(ig.id, { type: 'review.updated', payload: { review: rated(ig, 2, '2026-03-02T16:56:00.000Z'), change: 'rated' } })],
  ['2026-03-02T16:57:00.000Z', ev(ig.id, { type: 'promise.updated', payload: { promise: settled(ig, BUDI, 'broken', '2026-03-02T16:57:00.000Z'), change: 'broken' } })],
];

describe('reports folded from the event log', () => {
  let db: TestDatabase;
  let deps: CoreDeps;
  const day = { from: '2026-03-02', to: '2026-03-02' };

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = { db, clock: fakeClock(), events: recordingPublisher() };
    await appendHistory(db, history);
  });
  afterEach(() => db.close());

  it('response and resolution times come from human replies only, with median, p90 and average', async () => {
    const first = await getReport(deps, { report: 'first_response', ...day, groupBy: 'team' });
    // 600 s and 120 s: median (rank 1 of 2) 120, p90 (rank 2) 600, average 360.
    expect(first.totals).toEqual([{ day: 'total', group: String(TEAM), values: { count: 2, median: 120, p90: 600, average: 360 } }]);
    const next = await getReport(deps, { report: 'next_response', ...day, groupBy: 'channel' });
    expect(next.totals).toEqual([{ day: 'total', group: 'whatsapp', values: { count: 1, median: 1800, p90: 1800, average: 1800 } }]);
    const resolution = await getReport(deps, { report: 'resolution', ...day, groupBy: 'agent' });
    expect(resolution.rows).toEqual([{ day: '2026-03-02', group: String(DEWI), values: { count: 1, median: 14_400, p90: 14_400, average: 14_400 } }]);
    expect(resolution).toMatchObject({ zone: 'Asia/Jakarta', timeBasis: 'wall', asOfEventId: expect.any(Number) });
  });

  it('with business hours, reply and resolution times count only the team calendar’s open hours (Mon–Fri 08:00–17:00 WIB)', async () => {
    const first = await getReport(deps, { report: 'first_response', ...day, groupBy: 'channel', businessHours: true });
    expect(first).toMatchObject({ timeBasis: 'business', businessHoursRequested: true });
    // Budi answered at 23:32 WIB: two wall minutes, no business time. Dewi's ten minutes from 08:00 all count.
    expect(first.totals).toEqual([
      { day: 'total', group: 'instagram', values: { count: 1, median: 0, p90: 0, average: 0 } },
      { day: 'total', group: 'whatsapp', values: { count: 1, median: 600, p90: 600, average: 600 } },
    ]);
    const resolution = await getReport(deps, { report: 'resolution', ...day, groupBy: 'channel', businessHours: true });
    expect(resolution.totals).toEqual([{ day: 'total', group: 'whatsapp', values: { count: 1, median: 14_400, p90: 14_400, average: 14_400 } }]);
    // The wall-clock report of the same day is unchanged, and stage dwell has no business-hours variant.
    expect((await getReport(deps, { report: 'first_response', ...day, groupBy: 'channel' })).totals[0]!.values).toMatchObject({ median: 120 });
    expect(await getReport(deps, { report: 'stage_dwell', ...day, businessHours: true })).toMatchObject({ timeBasis: 'wall', businessHoursRequested: true });
  });

  it('SLA hit rate counts each final clock once, CSAT and promises go to the agent, stage dwell per stage', async () => {
    const sla = await getReport(deps, { report: 'sla_hit_rate', ...day, groupBy: 'channel' });
    expect(sla.totals).toEqual([
      { day: 'total', group: 'instagram', values: { count: 2, met: 1, breached: 1, rate: 0.5 } },
      { day: 'total', group: 'whatsapp', values: { count: 1, met: 1, breached: 0, rate: 1 } },
    ]);
    const csat = await getReport(deps, { report: 'csat', ...day, groupBy: 'customer_type' });
    expect(csat.totals).toEqual([
      { day: 'total', group: 'external', values: { responses: 1, average: 5, score_1: 0, score_2: 0, score_3: 0, score_4: 0, score_5: 1 } },
      { day: 'total', group: 'intermediary', values: { responses: 1, average: 2, score_1: 0, score_2: 1, score_3: 0, score_4: 0, score_5: 0 } },
    ]);
    const promises = await getReport(deps, { report: 'promise_kept', ...day, groupBy: 'agent' });
    expect(promises.totals.map((row) => [row.group, row.values.rate])).toEqual([
      [String(DEWI), 1],
      [String(BUDI), 0],
    ]);
    const dwell = await getReport(deps, { report: 'stage_dwell', ...day, groupBy: 'characteristic' });
    expect(dwell.totals).toEqual([{ day: 'total', group: 'loyal', values: expect.objectContaining({ stage_1_count: 1, stage_1_median: 600, stage_2_count: 0, stage_2_median: null }) }]);
  });

  it('a ticket at 23:30 in Jakarta falls on the next day in Jayapura', async () => {
    const wib = await getReport(deps, { report: 'volume', from: '2026-03-02', to: '2026-03-03', groupBy: 'channel', zone: 'Asia/Jakarta' });
    expect(wib.rows).toEqual([
      { day: '2026-03-02', group: 'instagram', values: { tickets: 1, inbound: 1, outbound: 1 } },
      { day: '2026-03-02', group: 'whatsapp', values: { tickets: 1, inbound: 3, outbound: 3 } },
    ]);
    const wit = await getReport(deps, { report: 'volume', from: '2026-03-02', to: '2026-03-03', groupBy: 'channel', zone: 'Asia/Jayapura' });
    expect(wit.rows).toEqual([
      { day: '2026-03-02', group: 'whatsapp', values: { tickets: 1, inbound: 3, outbound: 3 } },
      { day: '2026-03-03', group: 'instagram', values: { tickets: 1, inbound: 1, outbound: 1 } },
    ]);
  });

  it('folding again, or by two runners at once in small pages, counts every event exactly once', async () => {
    const other = await reopenTestDatabase(db.url);
    try {
      const otherDeps = { ...deps, db: other };
      await Promise.all([foldRollups(deps, { pageSize: 3 }), foldRollups(otherDeps, { pageSize: 2 }), foldRollups(otherDeps, { pageSize: 5 })]);
      expect(await db.reportRollups.getCursor()).toBe(await db.events.latestId());
      await foldRollups(deps);
      const volume = await getReport(deps, { report: 'volume', ...day, groupBy: 'team' });
      expect(volume.totals).toEqual([{ day: 'total', group: String(TEAM), values: { tickets: 2, inbound: 4, outbound: 4 } }]);
      const sla = await getReport(otherDeps, { report: 'sla_hit_rate', ...day, groupBy: 'team' });
      expect(sla.totals[0]!.values).toEqual({ count: 3, met: 2, breached: 1, rate: 0.6667 });
    } finally {
      await other.close();
    }
  });

  it('a fold that fails half-way leaves no rollup and no cursor behind, and the next fold counts it all once', async () => {
    await expect(
      db.transaction(async (tx) => {
        await foldRollupPageIn(tx, 8);
        throw new Error('the process died before commit');
      }),
    ).rejects.toThrow('died');
    expect(await db.reportRollups.getCursor()).toBe(0);
    await foldRollups(deps, { pageSize: 8 });
    const volume = await getReport(deps, { report: 'volume', ...day, groupBy: 'team' });
    expect(volume.totals[0]!.values).toEqual({ tickets: 2, inbound: 4, outbound: 4 });
  });

  it('a range ending before it starts, longer than a year, or an unknown report is refused before any work', async () => {
    const code = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? error.code : String(error)));
    expect(await code(getReport(deps, { report: 'volume', from: '2026-03-02', to: '2026-03-01' }))).toBe('report.invalid_range');
    expect(await code(getReport(deps, { report: 'volume', from: '2025-01-01', to: '2026-03-01' }))).toBe('report.range_too_long');
    expect(await code(getReport(deps, { report: 'satisfaction', ...day }))).toBe('report.unknown');
    expect(await db.reportRollups.getCursor()).toBe(0);
  });
});
