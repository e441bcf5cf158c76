import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';
import { reopenTestDatabase } from '../testing/test-database.ts';

const T1 = '2026-03-02T08:05:00.000Z';
const T2 = '2026-03-02T08:10:00.000Z';

describe('what automatic assignment reads and writes', () => {
  let db: Database;
  let teamId: number;
  beforeEach(async () => {
    db = await freshDb();
    teamId = (await db.teams.create('Layanan', T0)).id;
  });
  afterEach(() => db.close());

  const agent = (name: string) => db.users.create({ email: `${name.toLowerCase()}@keluh.test`, name, role: 'agent', passwordHash: 'h' }, T0);
  const ticketInTeam = async (name: string, options: { channel?: 'whatsapp' | 'instagram'; at?: string } = {}) => {
    const ticket = await seedTicket(db, { name, ...options });
    return db.tickets.update(ticket.id, { teamId }, T0);
  };

  it('a team’s rule is read with its default capacity, and only teams that assign automatically are listed for a member', async () => {
    expect(await db.assignment.findTeam(teamId)).toEqual({ id: teamId, mode: 'manual', defaultCapacity: 5 });
    await db.assignment.setTeamRule(teamId, { mode: 'balanced', defaultCapacity: 3 });
    expect(await db.transaction((tx) => tx.assignment.lockTeam(teamId))).toEqual({ id: teamId, mode: 'balanced', defaultCapacity: 3 });
    expect(await db.assignment.findTeam(teamId + 99)).toBeNull();
    const sari = await agent('Sari');
    const manual = (await db.teams.create('Manual', T0)).id;
    await db.assignment.addMember(teamId, sari.id, T0);
    await db.assignment.addMember(teamId, sari.id, T0);
    await db.assignment.addMember(manual, sari.id, T0);
    expect(await db.assignment.listAutomaticTeamsOf(sari.id)).toEqual([teamId]);
  });

  it('candidates carry their open load per channel, own capacities and last assignment, and pending tickets do not count', async () => {
    const [sari, budi] = [await agent('Sari'), await agent('Budi')];
    await db.assignment.addMember(teamId, sari.id, T0);
    await db.assignment.addMember(teamId, budi.id, T0);
    await db.assignment.setCapacity(sari.id, 'whatsapp', 2);
    await db.assignment.setCapacity(sari.id, 'instagram', 4);
    await db.assignment.setCapacity(sari.id, 'instagram', null);
    const open = await seedTicket(db, { name: 'A' });
    await db.tickets.update(open.id, { assigneeId: sari.id }, T0);
    const openInstagram = await seedTicket(db, { name: 'B', channel: 'instagram' });
    await db.tickets.update(openInstagram.id, { assigneeId: sari.id }, T0);
    const pending = await seedTicket(db, { name: 'C' });
    await db.tickets.update(pending.id, { assigneeId: sari.id, status: 'pending' }, T0);
    const backlogged = await ticketInTeam('D');
    expect(await db.assignment.assignIfUnassigned(backlogged.id, teamId, budi.id, T1)).toMatchObject({ id: backlogged.id, assigneeId: budi.id, version: backlogged.version + 1 });

    expect(await db.assignment.listCandidates(teamId)).toEqual([
      { userId: sari.id, name: 'Sari', open: { whatsapp: 1, instagram: 1 }, capacities: { whatsapp: 2 }, lastAssignedAt: null },
      { userId: budi.id, name: 'Budi', open: { whatsapp: 1 }, capacities: {}, lastAssignedAt: T1 },
    ].sort((a, b) => a.userId - b.userId));
    expect(await db.assignment.countOpen(sari.id, 'whatsapp')).toBe(1);
    expect(await db.assignment.getCapacities(sari.id)).toEqual([{ userId: sari.id, channel: 'whatsapp', maxOpen: 2 }]);
    expect(await db.assignment.listCandidates(teamId + 99)).toEqual([]);
  });

  it('the backlog is the team’s open unassigned tickets, the longest waiting first', async () => {
    const late = await ticketInTeam('Late', { at: T1 });
    const early = await ticketInTeam('Early', { at: T0 });
    const wroteAgain = await ticketInTeam('Wrote again', { at: T0 });
    await db.tickets.recordInbound(wroteAgain.id, { at: T2, channel: 'whatsapp', preview: 'halo?', reopen: [] }, T2);
    const pending = await ticketInTeam('Pending');
    await db.tickets.update(pending.id, { status: 'pending' }, T0);
    await seedTicket(db, { name: 'No team' });
    const backlog = await db.assignment.listBacklog(teamId, 10);
    expect(backlog.map((ticket) => ticket.id)).toEqual([early.id, late.id, wroteAgain.id]);
    expect(backlog[0]).toEqual({ id: early.id, customerId: early.customerId, channel: 'whatsapp', waitingSince: T0 });
    expect(backlog[2]!.waitingSince).toBe(T2);
    expect(await db.assignment.listBacklog(teamId, 1)).toHaveLength(1);
  });

  it('assigning is a compare-and-set: a taken, pending or moved ticket is left alone', async () => {
    const [sari, budi] = [await agent('Sari'), await agent('Budi')];
    const ticket = await ticketInTeam('A');
    expect(await db.assignment.assignIfUnassigned(ticket.id, teamId, sari.id, T1)).not.toBeNull();
    expect(await db.assignment.assignIfUnassigned(ticket.id, teamId, budi.id, T1)).toBeNull();
    const pending = await ticketInTeam('B');
    await db.tickets.update(pending.id, { status: 'pending' }, T0);
    expect(await db.assignment.assignIfUnassigned(pending.id, teamId, budi.id, T1)).toBeNull();
    const other = await ticketInTeam('C');
    expect(await db.assignment.assignIfUnassigned(other.id, teamId + 1, budi.id, T1)).toBeNull();
    expect((await db.tickets.findById(ticket.id))!.assigneeId).toBe(sari.id);
  });

  it('a returning customer’s previous agent is the one of their latest other ticket that had one', async () => {
    const sari = await agent('Sari');
    const first = await seedTicket(db, { name: 'Rina' });
    await db.tickets.update(first.id, { assigneeId: sari.id, status: 'resolved' }, T0);
    const again = (await db.tickets.createActiveIfAbsent({ customerId: first.customerId, subject: 'Lagi', channel: 'whatsapp' }, T1))!;
    expect(await db.assignment.findPreviousAgent(first.customerId, again.id)).toEqual({ userId: sari.id, ticketId: first.id });
    expect(await db.assignment.findPreviousAgent(first.customerId, first.id)).toBeNull();
  });

  it('an agent’s manual presence choice is online until changed', async () => {
    const sari = await agent('Sari');
    expect(await db.presenceChoices.get(sari.id)).toBe('online');
    expect(await db.presenceChoices.set(sari.id, 'away')).toBe(true);
    expect(await db.presenceChoices.get(sari.id)).toBe('away');
    expect(await db.presenceChoices.set(sari.id + 99, 'away')).toBe(false);
    expect(await db.presenceChoices.get(sari.id + 99)).toBeNull();
    expect(await db.users.findById(sari.id)).not.toHaveProperty('presenceChoice');
  });

  it('an effective status is settled once per change: repeating it changes nothing', async () => {
    const [sari, budi] = [await agent('Sari'), await agent('Budi')];
    expect(await db.presenceChoices.listSettled()).toEqual([]);
    expect(await db.transaction((tx) => tx.presenceChoices.settle(sari.id, 'online', T1))).toBe(true);
    expect(await db.presenceChoices.settle(sari.id, 'online', T2)).toBe(false);
    expect(await db.presenceChoices.settle(budi.id, 'away', T2)).toBe(true);
    expect(await db.presenceChoices.listSettled()).toEqual([
      { userId: sari.id, status: 'online', since: T1 },
      { userId: budi.id, status: 'away', since: T2 },
    ].sort((a, b) => a.userId - b.userId));
  });

  it('of two connections settling the same change at once, exactly one wins', async () => {
    const sari = await agent('Sari');
    const url = (db as Database & { url?: string }).url!;
    const other = await reopenTestDatabase(url);
    try {
      const results = await Promise.all([db, other, db, other].map((each, n) => each.transaction((tx) => tx.presenceChoices.settle(sari.id, 'away', n % 2 ? T1 : T2))));
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
