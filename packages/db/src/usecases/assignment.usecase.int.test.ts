import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  drainTeamBacklog,
  updateTicket,
  type AssignmentMode,
  type CoreDeps,
  type Database,
  type PresenceStatus,
  type Ticket,
  type TicketActivity,
  type User,
} from '@keluh/core';
import { fakeClock, recordingPublisher, seedTicket, T0 } from '../testing/fixtures.ts';
import { openTestDatabase, reopenTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const minutes = (n: number) => new Date(Date.parse(T0) + n * 60_000).toISOString();

describe('automatic assignment of a team’s backlog', () => {
  let db: TestDatabase;
  let deps: CoreDeps & { events: ReturnType<typeof recordingPublisher> };
  let teamId: number;
  let seq = 0;
  beforeEach(async () => {
    db = await openTestDatabase();
    deps = { db, clock: fakeClock(minutes(60)), events: recordingPublisher() };
    teamId = (await db.teams.create('Layanan', T0)).id;
  });
  afterEach(() => db.close());

  const team = (mode: AssignmentMode, defaultCapacity = 5, id = teamId) => db.assignment.setTeamRule(id, { mode, defaultCapacity });
  const member = async (name: string, id = teamId): Promise<User> => {
    const user = (await db.users.findByEmailWithSecret(`${name}@keluh.test`)) ?? (await db.users.create({ email: `${name}@keluh.test`, name, role: 'agent', passwordHash: 'h' }, T0));
    await db.assignment.addMember(id, user.id, T0);
    return user;
  };
  /** A waiting customer of the team, who wrote `waitedMinutes` after T0 (so smaller waited longer). */
  const waiting = async (at: number, options: { channel?: 'whatsapp' | 'instagram'; id?: number } = {}): Promise<Ticket> => {
    seq += 1;
    const ticket = await seedTicket(db, { name: `Pelanggan ${seq}`, at: minutes(at), ...(options.channel ? { channel: options.channel } : {}) });
    return db.tickets.update(ticket.id, { teamId: options.id ?? teamId }, minutes(at));
  };
  const presence = (entries: [User, PresenceStatus][]) => new Map(entries.map(([user, status]) => [user.id, status]));
  const assigneeOf = async (ticket: Ticket) => (await db.tickets.findById(ticket.id))!.assigneeId;
  const assignedActivity = async (ticket: Ticket) =>
    (await db.activities.listForTicket(ticket.id)).find((activity): activity is Extract<TicketActivity, { kind: 'assigned' }> => activity.kind === 'assigned');

  it('round robin deals tickets out in turn, and stops when everyone online is at capacity', async () => {
    await team('round_robin', 2);
    const [sari, budi] = [await member('Sari'), await member('Budi')];
    const tickets = [await waiting(1), await waiting(2), await waiting(3), await waiting(4), await waiting(5)];
    expect(await drainTeamBacklog(deps, teamId, presence([[sari, 'online'], [budi, 'online']]))).toBe(4);
    const owners = await Promise.all(tickets.map(assigneeOf));
    expect(owners).toEqual([sari.id, budi.id, sari.id, budi.id, null]);
    expect((await assignedActivity(tickets[2]!))?.data).toEqual({ assigneeId: sari.id, assigneeName: 'Sari', reason: { rule: 'round_robin', openCount: 2, capacity: 2 } });
  });

  it('balanced gives each ticket to whoever has the fewest open, within their own capacity', async () => {
    await team('balanced', 5);
    const [sari, budi] = [await member('Sari'), await member('Budi')];
    await db.assignment.setCapacity(budi.id, 'whatsapp', 1);
    const busy = [await waiting(0), await waiting(0)];
    for (const ticket of busy) await db.tickets.update(ticket.id, { assigneeId: sari.id }, T0);
    const tickets = [await waiting(1), await waiting(2), await waiting(3)];
    expect(await drainTeamBacklog(deps, teamId, presence([[sari, 'online'], [budi, 'online']]))).toBe(3);
    expect(await Promise.all(tickets.map(assigneeOf))).toEqual([budi.id, sari.id, sari.id]);
    expect((await assignedActivity(tickets[2]!))?.data.reason).toEqual({ rule: 'balanced', openCount: 4, capacity: 5 });
  });

  it('an offline or away agent is never assigned, however empty their queue', async () => {
    await team('balanced');
    const [sari, budi, dewi] = [await member('Sari'), await member('Budi'), await member('Dewi')];
    const tickets = [await waiting(1), await waiting(2)];
    expect(await drainTeamBacklog(deps, teamId, presence([[sari, 'away'], [budi, 'offline']]))).toBe(0);
    expect(await Promise.all(tickets.map(assigneeOf))).toEqual([null, null]);
    await drainTeamBacklog(deps, teamId, presence([[sari, 'away'], [budi, 'offline'], [dewi, 'online']]));
    expect(await Promise.all(tickets.map(assigneeOf))).toEqual([dewi.id, dewi.id]);
  });

  it('pending tickets do not count against capacity', async () => {
    await team('round_robin', 1);
    const sari = await member('Sari');
    const waitingOnCustomer = await waiting(0);
    await db.tickets.update(waitingOnCustomer.id, { assigneeId: sari.id, status: 'pending' }, T0);
    const next = await waiting(1);
    expect(await drainTeamBacklog(deps, teamId, presence([[sari, 'online']]))).toBe(1);
    expect(await assigneeOf(next)).toBe(sari.id);
  });

  it('the backlog goes out oldest waiting first, and the next ticket when an open one is resolved', async () => {
    await team('round_robin', 1);
    const sari = await member('Sari');
    const newest = await waiting(30);
    const oldest = await waiting(10);
    const middle = await waiting(20);
    await drainTeamBacklog(deps, teamId, presence([[sari, 'online']]));
    expect([await assigneeOf(oldest), await assigneeOf(middle), await assigneeOf(newest)]).toEqual([sari.id, null, null]);

    await updateTicket(deps, oldest.id, { status: 'resolved' });
    const drain = await db.jobs.findByKey('assignment.drain', `team:${teamId}:ticket:${oldest.id}:v${oldest.version + 2}`);
    expect(drain).toMatchObject({ state: 'pending', payload: { teamId } });
    await drainTeamBacklog(deps, teamId, presence([[sari, 'online']]));
    expect([await assigneeOf(middle), await assigneeOf(newest)]).toEqual([sari.id, null]);
  });

  it('each assignment announces the ticket’s new assignee and the reason on the timeline, in one commit', async () => {
    await team('round_robin');
    const sari = await member('Sari');
    const ticket = await waiting(1);
    await drainTeamBacklog(deps, teamId, presence([[sari, 'online']]));
    const published = deps.events.published.filter((event) => event.ticketId === ticket.id);
    expect(published.map((event) => event.type)).toEqual(['ticket.updated', 'ticket.activity']);
    expect(published[0]!.payload).toMatchObject({ changes: ['assigneeId'], ticket: { assignee: { id: sari.id, name: 'Sari' } } });
  });

  it('a returning customer goes back to their previous agent only while that agent is online', async () => {
    await team('round_robin');
    const [sari, budi] = [await member('Sari'), await member('Budi')];
    const first = await waiting(1);
    await db.tickets.update(first.id, { assigneeId: budi.id, status: 'resolved' }, T0);
    // Budi was assigned most recently, so the rotation alone would pick Sari.
    await db.assignment.assignIfUnassigned((await waiting(2)).id, teamId, budi.id, minutes(2));
    const again = await db.tickets.update((await db.tickets.createActiveIfAbsent({ customerId: first.customerId, subject: 'Lagi', channel: 'whatsapp' }, minutes(3)))!.id, { teamId }, minutes(3));
    await drainTeamBacklog(deps, teamId, presence([[sari, 'online'], [budi, 'away']]));
    expect(await assigneeOf(again)).toBe(sari.id);

    await db.tickets.update(again.id, { status: 'closed' }, minutes(4));
    const third = await db.tickets.update((await db.tickets.createActiveIfAbsent({ customerId: first.customerId, subject: 'Lagi lagi', channel: 'whatsapp' }, minutes(5)))!.id, { teamId }, minutes(5));
    await db.tickets.update(first.id, { assigneeId: budi.id }, minutes(5));
    await db.tickets.update(again.id, { assigneeId: null }, minutes(5));
    await drainTeamBacklog(deps, teamId, presence([[sari, 'online'], [budi, 'online']]));
    expect(await assigneeOf(third)).toBe(budi.id);
    expect((await assignedActivity(third))?.data.reason).toEqual({ rule: 'returning_customer', previousTicketId: first.id, openCount: 2, capacity: 5 });
  });

  it('a manual team is never drained', async () => {
    const sari = await member('Sari');
    const ticket = await waiting(1);
    expect(await drainTeamBacklog(deps, teamId, presence([[sari, 'online']]))).toBe(0);
    expect(await assigneeOf(ticket)).toBeNull();
  });

  it('two processes draining at once, two teams sharing an agent, never give anyone more than their capacity', async () => {
    const second = (await db.teams.create('Retur', T0)).id;
    await team('round_robin', 3);
    await team('balanced', 3, second);
    const [sari, budi] = [await member('Sari'), await member('Budi')];
    await member('Sari', second);
    for (let n = 0; n < 12; n += 1) await waiting(n);
    for (let n = 0; n < 6; n += 1) await waiting(n, { id: second });
    const other: Database = await reopenTestDatabase(db.url);
    try {
      const otherDeps = { ...deps, db: other };
      const online = presence([[sari, 'online'], [budi, 'online']]);
      const counts = await Promise.all([
        drainTeamBacklog(deps, teamId, online),
        drainTeamBacklog(otherDeps, teamId, online),
        drainTeamBacklog(deps, second, online),
        drainTeamBacklog(otherDeps, second, online),
        drainTeamBacklog(otherDeps, teamId, online),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
      expect(await db.assignment.countOpen(sari.id, 'whatsapp')).toBe(3);
      expect(await db.assignment.countOpen(budi.id, 'whatsapp')).toBe(3);
      const activities = deps.events.published.filter((event) => event.type === 'ticket.activity');
      expect(new Set(activities.map((event) => event.ticketId)).size).toBe(activities.length);
    } finally {
      await other.close();
    }
  });
});
