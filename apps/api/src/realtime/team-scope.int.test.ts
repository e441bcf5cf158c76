import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { AgentEvent } from '@keluh/contracts';
import { connected, eventually, startTestApp, type TestApp } from '../testing/test-app.ts';
import { receivedEvents } from '../testing/received-events.ts';
import { inboundTicket, teamMember, type TeamMember } from '../testing/team-fixture.ts';

type SyncReply = { ok: true; events: AgentEvent[]; latestId: number } | { ok: false; error: { code: string } };

describe('socket rooms and replays follow team scope', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let agentA: { id: number; token: string };
  let agentB: TeamMember & { teamId: number };

  beforeAll(async () => {
    t = await startTestApp();
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    agentA = { id: t.agentId, token: await t.login() };
    agentB = await teamMember(t, 'Penjualan', 'agent', 'maya@keluh.test');
  });
  afterAll(() => t.close());

  const open = async (token: string) => {
    const socket = t.agentSocket(token);
    const received = receivedEvents(socket);
    await connected(socket);
    return { socket, received };
  };
  const sync = async (socket: Socket, lastEventId = 0) => (await socket.emitWithAck('sync', { lastEventId })) as SyncReply;
  const ticketIdsOf = (events: AgentEvent[]) => new Set(events.map((event) => event.ticketId));
  /** A ticket of team B: opened by ingest in the default team, moved, then written to again. */
  const teamBTicket = async (sender: string) => {
    const ticketId = await inboundTicket(t, sender);
    await t.db.tickets.update(ticketId, { teamId: agentB.teamId }, new Date().toISOString());
    await inboundTicket(t, sender, 'Masih belum sampai juga');
    return ticketId;
  };

  it("pushes a ticket's events only to the sockets of its team, and replays from 0 only what each may see", async () => {
    const a = await open(agentA.token);
    const b = await open(agentB.token);
    const ticketA = await inboundTicket(t, 'scope-customer-a');
    const ticketB = await teamBTicket('scope-customer-b');

    const marker = await inboundTicket(t, 'scope-customer-marker');
    const log = await t.db.events.listAfter(0, { limit: 5000 });
    const ofTeamB = log.filter((event) => event.teamId === agentB.teamId).map((event) => event.id);
    // Sockets get their events in log order: once each has the last event it may see, it would have had the rest.
    await eventually(() => expect(b.received.ids).toContain(Math.max(...ofTeamB)));
    await eventually(() => expect(ticketIdsOf(a.received.events).has(marker)).toBe(true));
    expect(ticketIdsOf(b.received.events).has(ticketA)).toBe(false);
    expect(ticketIdsOf(b.received.events).has(marker)).toBe(false);
    expect(a.received.ids.filter((id) => ofTeamB.includes(id))).toEqual([]);
    expect(ticketIdsOf(a.received.events).has(ticketA)).toBe(true);

    const replayB = await sync(b.socket);
    const replayA = await sync(a.socket);
    if (!replayB.ok || !replayA.ok) throw new Error('sync refused');
    expect(ticketIdsOf(replayB.events).has(ticketA)).toBe(false);
    expect(replayB.events.filter((event) => event.ticketId === ticketB).map((event) => event.type)).toContain('message.created');
    // Agent A saw ticket B while it was still in the default team, and nothing of it after it moved.
    expect(replayA.events.some((event) => event.ticketId === ticketA)).toBe(true);
    expect(replayA.events.filter((event) => ofTeamB.includes(event.id))).toEqual([]);
    expect(replayB.events.map((event) => event.id).filter((id) => ofTeamB.includes(id))).toEqual(ofTeamB);
    expect(replayA.latestId).toBe(replayB.latestId);
    a.socket.disconnect();
    b.socket.disconnect();
  });

  it('a new team membership takes effect on the open socket: it is cut, reconnects into the new rooms and replays what it may now see', async () => {
    const b = await open(agentB.token);
    const cut = new Promise<string>((resolve) => b.socket.once('disconnect', resolve));
    await t.db.teams.setTeamsOfUser(agentB.id, [1, agentB.teamId], new Date().toISOString());
    t.app.rescopeUserSockets(agentB.id);
    expect(await cut).toBe('io server disconnect');
    b.socket.connect();
    await connected(b.socket);
    const ticketA = await inboundTicket(t, 'scope-customer-joined');
    await eventually(() => expect(ticketIdsOf(b.received.events).has(ticketA)).toBe(true));
    const replay = await sync(b.socket);
    expect(replay.ok && ticketIdsOf(replay.events).has(ticketA)).toBe(true);
    await t.db.teams.setTeamsOfUser(agentB.id, [agentB.teamId], new Date().toISOString());
    b.socket.disconnect();
  });

  it("with agents limited to their own and unassigned tickets, an agent neither receives nor replays a colleague's ticket", async () => {
    const colleague = await teamMember(t, 'Umum', 'agent', 'budi@keluh.test');
    const a = await open(agentA.token);
    const cut = new Promise<string>((resolve) => a.socket.once('disconnect', resolve));
    const saved = await t.app.inject({ method: 'PUT', url: '/api/settings/tickets', headers: admin, payload: { agentsOwnAndUnassigned: true } });
    expect(saved.json()).toEqual({ agentsOwnAndUnassigned: true });
    // The setting changes every agent's scope: their sockets are cut to rejoin the narrower rooms.
    expect(await cut).toBe('io server disconnect');
    a.socket.connect();
    await connected(a.socket);
    try {
      const theirs = await inboundTicket(t, 'scope-customer-theirs');
      const assigned = await t.app.inject({ method: 'PATCH', url: `/api/tickets/${theirs}`, headers: admin, payload: { assigneeId: colleague.id } });
      expect(assigned.statusCode).toBe(200);
      await inboundTicket(t, 'scope-customer-theirs', 'Halo?');
      const unassigned = await inboundTicket(t, 'scope-customer-open');

      await eventually(() => expect(ticketIdsOf(a.received.events).has(unassigned)).toBe(true));
      const afterAssignment = (await sync(a.socket)) as Extract<SyncReply, { ok: true }>;
      const assignedAt = (await t.db.events.listAfter(0, { limit: 5000 })).find((e) => e.ticketId === theirs && e.assigneeId === colleague.id)!.id;
      expect(a.received.events.filter((event) => event.ticketId === theirs && event.id >= assignedAt)).toEqual([]);
      expect(afterAssignment.events.filter((event) => event.ticketId === theirs && event.id >= assignedAt)).toEqual([]);
      expect(ticketIdsOf(afterAssignment.events).has(unassigned)).toBe(true);
    } finally {
      await t.app.inject({ method: 'PUT', url: '/api/settings/tickets', headers: admin, payload: { agentsOwnAndUnassigned: false } });
    }
  });
});
