import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '@keluh/core';
import { connected, eventually, nextPushed, startTestApp, type TestApp } from '../testing/test-app.ts';
import { joinedConfig } from '../testing/redis-test.ts';
import { scryptHasher } from '../security/password-hasher.ts';

let customers = 0;

/** A waiting ticket of the team; the "scope" slice gives tickets their team at ingest, this test by hand. */
async function waitingTicket(t: TestApp, teamId: number, minutesAgo: number): Promise<Ticket> {
  customers += 1;
  const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const customer = await t.db.customers.create({ name: `Pelanggan ${customers}` }, at);
  const ticket = (await t.db.tickets.createActiveIfAbsent({ customerId: customer.id, subject: 'Paket belum sampai', channel: 'whatsapp' }, at))!;
  return t.db.tickets.update(ticket.id, { teamId }, at);
}

async function agentToken(t: TestApp, name: string): Promise<{ id: number; token: string }> {
  const email = `${name.toLowerCase()}@keluh.test`;
  const password = `${name}-password-1`;
  const existing = await t.db.users.findByEmailWithSecret(email);
  const user = existing ?? (await t.db.users.create({ email, name, role: 'agent', passwordHash: await scryptHasher.hash(password) }, new Date().toISOString()));
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { email, password } });
  return { id: user.id, token: response.json<{ token: string }>().token };
}

const assigneeOf = async (t: TestApp, ticket: Ticket) => (await t.db.tickets.findById(ticket.id))!.assigneeId;

describe('the backlog is drained when an agent comes online and when capacity frees up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { PRESENCE_GRACE_SECONDS: 0 } });
  });
  afterAll(() => t.close());

  it('an agent opening the console gets the oldest waiting ticket, and the next one once they resolve it', async () => {
    const teamId = (await t.db.teams.create('Layanan', new Date().toISOString())).id;
    await t.db.assignment.setTeamRule(teamId, { mode: 'round_robin', defaultCapacity: 1 });
    const sari = await agentToken(t, 'Sari');
    await t.db.assignment.addMember(teamId, sari.id, new Date().toISOString());
    const newer = await waitingTicket(t, teamId, 5);
    const older = await waitingTicket(t, teamId, 20);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    // Nobody online: nothing was assigned.
    expect([await assigneeOf(t, older), await assigneeOf(t, newer)]).toEqual([null, null]);

    const socket = t.agentSocket(sari.token);
    const assigned = nextPushed<{ type: string; ticketId: number; payload: { ticket: { assigneeId: number | null } } }>(
      socket,
      (event) => event.type === 'ticket.updated' && event.ticketId === older.id,
      5_000,
    );
    await connected(socket);
    expect((await assigned).payload.ticket.assigneeId).toBe(sari.id);
    expect(await assigneeOf(t, newer)).toBeNull();

    const response = await t.app.inject({ method: 'PATCH', url: `/api/tickets/${older.id}`, headers: { authorization: `Bearer ${sari.token}` }, payload: { status: 'resolved' } });
    expect(response.statusCode).toBe(200);
    await eventually(async () => expect(await assigneeOf(t, newer)).toBe(sari.id), 5_000);
    const activities = await t.db.activities.listForTicket(newer.id);
    expect(activities.find((activity) => activity.kind === 'assigned')?.data).toEqual({ assigneeId: sari.id, assigneeName: 'Sari', reason: { rule: 'round_robin', openCount: 1, capacity: 1 } });
    socket.disconnect();
  });

  it('an agent who sets themselves away gets nothing more', async () => {
    const teamId = (await t.db.teams.create('Retur', new Date().toISOString())).id;
    await t.db.assignment.setTeamRule(teamId, { mode: 'balanced', defaultCapacity: 5 });
    const budi = await agentToken(t, 'Budi');
    await t.db.assignment.addMember(teamId, budi.id, new Date().toISOString());
    const socket = t.agentSocket(budi.token);
    await connected(socket);
    await t.app.inject({ method: 'PUT', url: '/api/presence/me', headers: { authorization: `Bearer ${budi.token}` }, payload: { status: 'away' } });
    const ticket = await waitingTicket(t, teamId, 1);
    await t.db.jobs.schedule({ kind: 'assignment.drain', key: `team:${teamId}:test`, runAt: new Date().toISOString(), payload: { teamId } }, new Date().toISOString());
    await eventually(async () => expect((await t.db.jobs.findByKey('assignment.drain', `team:${teamId}:test`))?.state).toBe('done'), 5_000);
    expect(await assigneeOf(t, ticket)).toBeNull();
    socket.disconnect();
  });
});

describe('two API processes draining one team at once', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const config = joinedConfig({ PRESENCE_GRACE_SECONDS: 0 });
    a = await startTestApp({ config });
    b = await startTestApp({ shareDatabaseWith: a, config });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('give each agent up to their capacity and not one ticket more', async () => {
    const now = new Date().toISOString();
    const teamId = (await a.db.teams.create('Layanan', now)).id;
    await a.db.assignment.setTeamRule(teamId, { mode: 'round_robin', defaultCapacity: 3 });
    const [sari, budi] = [await agentToken(a, 'Sari'), await agentToken(a, 'Budi')];
    for (const agent of [sari, budi]) await a.db.assignment.addMember(teamId, agent.id, now);
    const tickets: Ticket[] = [];
    for (let n = 0; n < 10; n += 1) tickets.push(await waitingTicket(a, teamId, 60 - n));
    // One agent comes online on each process: each schedules a drain, which either process may claim.
    const sockets = [a.agentSocket(sari.token), b.agentSocket(budi.token)];
    await Promise.all(sockets.map(connected));
    for (let n = 0; n < 6; n += 1) {
      await a.db.jobs.schedule({ kind: 'assignment.drain', key: `team:${teamId}:burst-${n}`, runAt: new Date().toISOString(), payload: { teamId } }, new Date().toISOString());
    }
    await eventually(async () => expect((await Promise.all(tickets.map((ticket) => assigneeOf(a, ticket)))).filter((id) => id !== null)).toHaveLength(6), 8_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const owners = await Promise.all(tickets.map((ticket) => assigneeOf(a, ticket)));
    expect(owners.filter((id) => id === sari.id)).toHaveLength(3);
    expect(owners.filter((id) => id === budi.id)).toHaveLength(3);
    // The six oldest went out; the four newest wait.
    expect(owners.slice(6)).toEqual([null, null, null, null]);
    sockets.forEach((socket) => socket.disconnect());
  });
});
