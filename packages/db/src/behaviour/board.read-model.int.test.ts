import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayStartIn, type BoardFilter, type Ticket, type WorkflowStage } from '@keluh/core';
import { seedTicket, T0 } from '../testing/fixtures.ts';
import { insertTableRows, runningClock, slaClockRow } from '../testing/table-rows.ts';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const MINUTE = 60_000;
// 18:00 WIB: "today" in Jakarta began at 17:00 UTC the day before.
const NOW = new Date(Date.parse(T0) + 180 * MINUTE).toISOString();
const ago = (minutes: number) => new Date(Date.parse(NOW) - minutes * MINUTE).toISOString();
const HOUR = 60 * MINUTE;
const thresholds: Record<WorkflowStage, number> = { 1: HOUR, 2: HOUR, 3: HOUR, 4: HOUR, 5: HOUR };

describe('the supervisor board read model', () => {
  let db: TestDatabase;
  let teamA: number;
  let teamB: number;
  let sari: number;
  let budi: number;
  let tickets: Record<'unassigned' | 'answered' | 'budiWaiting' | 'otherTeam' | 'resolved', Ticket>;
  const filterFor = (teamIds: number[] | null): BoardFilter => ({ teamIds, now: NOW, dayStart: dayStartIn('Asia/Jakarta', NOW) });

  const ticketFor = async (name: string, team: number, options: { assigneeId?: number; wroteAgo: number; answeredAgo?: number; status?: 'resolved' }) => {
    const ticket = await seedTicket(db, { name, at: ago(options.wroteAgo + 5) });
    await db.tickets.update(ticket.id, { teamId: team, assigneeId: options.assigneeId ?? null, ...(options.status ? { status: options.status } : {}) }, ago(options.wroteAgo + 5));
    await db.messages.insertIfAbsent({ ticketId: ticket.id, direction: 'in', authorKind: 'customer', channel: 'whatsapp', externalId: `in-${ticket.id}`, body: 'Halo', status: 'received', sentAt: ago(options.wroteAgo) }, ago(options.wroteAgo));
    await db.tickets.recordInbound(ticket.id, { at: ago(options.wroteAgo), channel: 'whatsapp', preview: 'Halo', reopen: [] }, ago(options.wroteAgo));
    if (options.answeredAgo !== undefined) await db.tickets.recordReply(ticket.id, { at: ago(options.answeredAgo), preview: 'Baik kak', reopen: [] }, ago(options.answeredAgo));
    return (await db.tickets.findById(ticket.id))!;
  };

  beforeEach(async () => {
    db = await openTestDatabase();
    teamA = (await db.teams.create('Layanan', T0)).id;
    teamB = (await db.teams.create('Bali', T0)).id;
    const user = (name: string, role: 'agent' | 'supervisor', teamId: number) => db.users.create({ email: `${name.toLowerCase()}@keluh.test`, name, role, passwordHash: 'x', teamId }, T0);
    sari = (await user('Sari', 'agent', teamA)).id;
    budi = (await user('Budi', 'agent', teamA)).id;
    // Each user is a member of their home team from the moment they are created.
    await user('Wayan', 'agent', teamB);
    await user('Rina', 'supervisor', teamA);
    await insertTableRows(db, 'agent_capacities', [{ user_id: sari, channel: 'whatsapp', max_open: 3 }]);
    tickets = {
      unassigned: await ticketFor('Ayu', teamA, { wroteAgo: 10 }),
      answered: await ticketFor('Dewi', teamA, { assigneeId: sari, wroteAgo: 30, answeredAgo: 20 }),
      budiWaiting: await ticketFor('Eko', teamA, { assigneeId: budi, wroteAgo: 40 }),
      otherTeam: await ticketFor('Made', teamB, { wroteAgo: 50 }),
      resolved: await ticketFor('Fajar', teamA, { assigneeId: sari, wroteAgo: 60, status: 'resolved' }),
    };
    await insertTableRows(db, 'sla_clocks', [
      // Due in 5 minutes, warned 3 minutes ago: about to breach.
      slaClockRow(runningClock(tickets.unassigned.id, ago(10), 900)),
      // Due 10 minutes ago and the breach job has not flipped it yet: breached today all the same.
      slaClockRow(runningClock(tickets.budiWaiting.id, ago(40), 1800)),
      // Due yesterday (Jakarta time): not today's breach.
      slaClockRow({ ...runningClock(tickets.otherTeam.id, ago(50 + 24 * 60), 600), state: 'breached' }),
      slaClockRow({ ...runningClock(tickets.answered.id, ago(30), 3600), state: 'met', stoppedAt: ago(20), dueAt: ago(-30), warnAt: ago(-18) }),
    ]);
  });
  afterEach(() => db.close());

  it('the queue lists a team\'s open tickets, unassigned first, then the longest waiting, each with its clocks', async () => {
    const queue = await db.board.listQueue(filterFor([teamA]), 10);
    expect(queue.map((row) => row.ticketId)).toEqual([tickets.unassigned.id, tickets.budiWaiting.id, tickets.answered.id]);
    expect(queue[0]).toMatchObject({ subject: 'Paket belum sampai', customer: { name: 'Ayu' }, assignee: null, teamId: teamA, channel: 'whatsapp', priority: 'normal', stage: 1, waitingSince: ago(10) });
    expect(queue[0]!.clocks).toEqual([runningClock(tickets.unassigned.id, ago(10), 900)]);
    expect(queue[1]).toMatchObject({ assignee: { id: budi, name: 'Budi' }, waitingSince: ago(40) });
    expect(queue[2]).toMatchObject({ assignee: { id: sari, name: 'Sari' }, waitingSince: null, clocks: [{ metric: 'first_response', state: 'met' }] });
    const everyTeam = await db.board.listQueue(filterFor(null), 10);
    expect(everyTeam.map((row) => row.ticketId)).toEqual([tickets.otherTeam.id, tickets.unassigned.id, tickets.budiWaiting.id, tickets.answered.id]);
    expect(await db.board.listQueue(filterFor([teamA]), 1)).toHaveLength(2);
  });

  it('the tiles count who waits now, what is about to breach and what breached today in the team\'s zone, and today\'s CSAT', async () => {
    for (const [ticket, score] of [[tickets.resolved, 5], [tickets.answered, 2]] as const) {
      const review = await db.reviews.createIfNoneOpen({ ticketId: ticket.id, customerId: ticket.customerId, channel: 'whatsapp', requestedBy: null }, ago(15));
      await db.reviews.rate(review!.id, score, ago(5));
    }
    expect(await db.board.getTileCounts(filterFor([teamA]))).toEqual({ waitingNow: 2, aboutToBreach: 1, breachedToday: 1, csatToday: { responses: 2, scoreSum: 7, satisfied: 1, average: 3.5, satisfiedPercent: 50 } });
    expect(await db.board.getTileCounts(filterFor([teamB]))).toEqual({ waitingNow: 1, aboutToBreach: 0, breachedToday: 0, csatToday: { responses: 0, scoreSum: 0, satisfied: 0, average: null, satisfiedPercent: null } });
  });

  it('about to breach lists running clocks past their warning or due within the window, soonest first', async () => {
    const rows = await db.board.listAboutToBreach(filterFor([teamA]), 15 * MINUTE, 10);
    expect(rows.map((row) => [row.ticketId, row.customerName, row.assignee?.name ?? null])).toEqual([
      [tickets.budiWaiting.id, 'Eko', 'Budi'],
      [tickets.unassigned.id, 'Ayu', null],
    ]);
    expect(await db.board.listAboutToBreach(filterFor([teamB]), 15 * MINUTE, 10)).toEqual([]);
  });

  it('agents are the team\'s members with their open load against their own capacity or the team default', async () => {
    expect(await db.board.listAgentLoads(filterFor([teamA]))).toEqual([
      { userId: budi, name: 'Budi', teamIds: [teamA], openCount: 1, capacity: 5 },
      { userId: sari, name: 'Sari', teamIds: [teamA], openCount: 1, capacity: 3 },
    ]);
    expect((await db.board.listAgentLoads(filterFor(null))).map((agent) => agent.name)).toEqual(['Budi', 'Sari', 'Wayan']);
  });

  it('stages count the active complaints in each stage with their average dwell and the stuck ones', async () => {
    await db.workflows.ensure(tickets.answered.id, ago(100));
    await db.workflows.recordTransition({ ticketId: tickets.answered.id, fromStage: 1, toStage: 2, direction: 'forward', byUserId: sari, reason: null, override: false, missing: [], dwellMs: 1000, at: ago(30) }, ago(30));
    const stages = await db.board.countStages(filterFor([teamA]), thresholds);
    // Stage 1: opened 15 and 45 minutes ago; stage 2 entered 30 minutes ago; nobody is past the hour yet.
    expect(stages).toEqual([
      { stage: 1, count: 2, averageDwellMs: 30 * MINUTE, stuck: 0 },
      { stage: 2, count: 1, averageDwellMs: 30 * MINUTE, stuck: 0 },
      { stage: 3, count: 0, averageDwellMs: null, stuck: 0 },
      { stage: 4, count: 0, averageDwellMs: null, stuck: 0 },
      { stage: 5, count: 0, averageDwellMs: null, stuck: 0 },
    ]);
    const tighter = await db.board.countStages(filterFor([teamA]), { ...thresholds, 1: 20 * MINUTE });
    expect(tighter[0]).toMatchObject({ count: 2, stuck: 1 });
  });

  it('volume counts inbound messages per channel per hour over the last hours only', async () => {
    await db.messages.insertIfAbsent({ ticketId: tickets.unassigned.id, direction: 'in', authorKind: 'customer', channel: 'instagram', externalId: 'ig-1', body: 'Kak?', status: 'received', sentAt: ago(5) }, ago(5));
    await db.messages.insertIfAbsent({ ticketId: tickets.unassigned.id, direction: 'out', authorKind: 'agent', channel: 'whatsapp', externalId: 'out-1', body: 'Ya', status: 'sent', sentAt: ago(4) }, ago(4));
    await db.messages.insertIfAbsent({ ticketId: tickets.unassigned.id, direction: 'in', authorKind: 'customer', channel: 'whatsapp', externalId: 'old-1', body: 'Lama', status: 'received', sentAt: ago(13 * 60) }, ago(13 * 60));
    const volume = await db.board.countVolume(filterFor([teamA]), ago(12 * 60));
    // NOW is 11:00 UTC: the four customers wrote at 10:50, 10:30, 10:20 and 10:00; the reply and the 13-hour-old message do not count.
    expect(volume).toEqual([
      { hour: '2026-03-02T10:00:00.000Z', channel: 'instagram', inbound: 1 },
      { hour: '2026-03-02T10:00:00.000Z', channel: 'whatsapp', inbound: 4 },
    ]);
  });

  it('the board\'s time zone is its first team\'s, or the default team\'s for the whole desk', async () => {
    expect(await db.board.getTimeZone([teamB])).toBe('Asia/Jakarta');
    expect(await db.board.getTimeZone(null)).toBe('Asia/Jakarta');
    expect(await db.board.getTimeZone([9999])).toBe('Asia/Jakarta');
  });
});
