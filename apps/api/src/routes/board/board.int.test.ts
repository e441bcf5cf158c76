import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestMessage, systemClock, type InboundMessageEvent } from '@keluh/core';
import type { BoardSnapshotDto } from '@keluh/contracts';
import { scryptHasher } from '../../security/password-hasher.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

const customerWrites = (externalId: string, body: string): InboundMessageEvent => ({
  kind: 'message', channel: 'whatsapp', externalMessageId: `board-${externalId}-${body.length}`, sender: { externalId, displayName: 'Ayu' }, body, sentAt: systemClock.now(),
});

describe('the supervisor board over HTTP', () => {
  let t: TestApp;
  let supervisor: Record<string, string>;
  let agentToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    agentToken = await t.login();
    await t.db.users.create({ email: 'spv-board@keluh.test', name: 'Supervisor Rina', role: 'supervisor', teamId: 1, passwordHash: await scryptHasher.hash('supervisor-pass-1') }, systemClock.now());
    const token = (await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { email: 'spv-board@keluh.test', password: 'supervisor-pass-1' } })).json<{ token: string }>().token;
    supervisor = { authorization: `Bearer ${token}` };
  });
  afterAll(() => t.close());

  const board = async (query = '') => {
    const response = await t.app.inject({ method: 'GET', url: `/api/board${query}`, headers: supervisor });
    expect(response.statusCode).toBe(200);
    return response.json<BoardSnapshotDto>();
  };

  it('a supervisor sees the waiting WhatsApp customer in the queue and the agent online, as of the newest event', async () => {
    const { ticket } = await ingestMessage(t.app.services.core, customerWrites('6281200000001', 'Paket saya belum sampai'));
    const socket = t.agentSocket(agentToken);
    await vi.waitFor(async () => expect((await board()).tiles.agentsOnline).toBe(1), { timeout: 5000 });
    const snapshot = await board();
    expect(snapshot.asOfEventId).toBe(await t.db.events.latestId());
    expect(snapshot.tiles).toMatchObject({ waitingNow: 1, aboutToBreach: 0, breachedToday: 0, agentsOnline: 1, csatToday: { responses: 0, average: null } });
    expect(snapshot.queue).toEqual([expect.objectContaining({ ticketId: ticket.id, assignee: null, channel: 'whatsapp', stage: 1, customer: expect.objectContaining({ name: 'Ayu' }), clocks: [] })]);
    expect(snapshot.queue[0]!.waitingSince).toEqual(expect.any(String));
    expect(snapshot.agents).toEqual([expect.objectContaining({ userId: t.agentId, name: 'Test Agent', status: 'online', openCount: 0, capacity: 5, currentTicketId: null })]);
    expect(snapshot.stages.map((stage) => stage.count)).toEqual([1, 0, 0, 0, 0]);
    expect(snapshot.volume).toEqual([expect.objectContaining({ channel: 'whatsapp', inbound: 1 })]);
    socket.disconnect();
  });

  it('what commits after the snapshot is exactly what a replay from its event id brings', async () => {
    const before = await board();
    const { ticket } = await ingestMessage(t.app.services.core, customerWrites('6281200000002', 'Halo kak, pesanan saya salah'));
    const replay = await t.db.events.listAfter(before.asOfEventId, { limit: 100 });
    expect(replay.map((event) => event.type)).toContain('ticket.created');
    expect(replay.every((event) => event.id > before.asOfEventId)).toBe(true);
    expect(before.queue.map((row) => row.ticketId)).not.toContain(ticket.id);
    expect((await board()).queue.map((row) => row.ticketId)).toContain(ticket.id);
  });

  it('one team\'s board leaves the other teams\' tickets out', async () => {
    const team = await t.db.teams.create('Tim Bali', systemClock.now());
    // An admin may look at any team; a supervisor only at their own (supervisor-scope.int.test.ts).
    const response = await t.app.inject({ method: 'GET', url: `/api/board?teamId=${team.id}`, headers: { authorization: `Bearer ${await t.loginAdmin()}` } });
    const snapshot = response.json<BoardSnapshotDto>();
    expect(snapshot).toMatchObject({ teamIds: [team.id], timeZone: 'Asia/Jakarta', queue: [], agents: [], tiles: { waitingNow: 0 } });
  });

  it('an agent may not open the board, and a team that is not an id is refused with a code', async () => {
    const refused = await t.app.inject({ method: 'GET', url: '/api/board', headers: { authorization: `Bearer ${agentToken}` } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.forbidden');
    const bad = await t.app.inject({ method: 'GET', url: '/api/board?teamId=satu', headers: supervisor });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation.failed');
    expect((await t.app.inject({ method: 'GET', url: '/api/board' })).statusCode).toBe(401);
  });
});
