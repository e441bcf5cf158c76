import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ingestMessage, systemClock } from '@keluh/core';
import type { TicketWatchers } from '@keluh/contracts';
import { connected, eventually, startTestApp, type TestApp } from '../testing/test-app.ts';
import { joinedConfig } from '../testing/redis-test.ts';

type Answer = { ok: true; ticketId: number; viewers: TicketWatchers['viewers'] } | { ok: false; error: { code: string; details?: unknown } };

const watch = (socket: Socket, payload: unknown, ...extra: unknown[]) => socket.timeout(5_000).emitWithAck('ticket.watch', payload, ...extra) as Promise<Answer>;

/** The newest `ticket.watchers` list each socket was pushed, per ticket. */
function watchersSeenBy(socket: Socket) {
  const latest = new Map<number, TicketWatchers['viewers']>();
  socket.on('ticket.watchers', (watchers: TicketWatchers) => latest.set(watchers.ticketId, watchers.viewers));
  return (ticketId: number) => (latest.get(ticketId) ?? []).map(({ name, typing }) => ({ name, typing }));
}

async function newTicket(t: TestApp, sender: string): Promise<number> {
  const result = await ingestMessage(
    { db: t.db, clock: systemClock, events: { publish: () => undefined } },
    { kind: 'message', channel: 'webchat', externalMessageId: `watch-${sender}-${Math.random()}`, sender: { externalId: sender, displayName: `Pelanggan ${sender}` }, body: 'Paket saya belum sampai', sentAt: new Date().toISOString() },
  );
  return result.ticket.id;
}

describe('who else has a ticket open, in one process', () => {
  let t: TestApp;
  let agent: Socket;
  let admin: Socket;
  let ticketId: number;
  beforeAll(async () => {
    t = await startTestApp();
    agent = t.agentSocket(await t.login());
    admin = t.agentSocket(await t.loginAdmin());
    await Promise.all([connected(agent), connected(admin)]);
    ticketId = await newTicket(t, 'satu-proses');
  });
  afterAll(() => t.close());

  it('shows two agents on one ticket to each other, viewing and then typing', async () => {
    const seenByAgent = watchersSeenBy(agent);
    expect(await watch(agent, { ticketId, typing: false })).toMatchObject({ ok: true, viewers: [{ name: 'Test Agent', typing: false }] });
    const answer = await watch(admin, { ticketId, typing: false });
    expect(answer).toMatchObject({ ok: true, ticketId });
    expect(answer.ok && answer.viewers.map((viewer) => viewer.name)).toEqual(['Test Agent', 'Test Admin']);
    await eventually(() => expect(seenByAgent(ticketId)).toEqual([{ name: 'Test Agent', typing: false }, { name: 'Test Admin', typing: false }]));

    await watch(admin, { ticketId, typing: true });
    await eventually(() => expect(seenByAgent(ticketId)).toContainEqual({ name: 'Test Admin', typing: true }));
    await watch(admin, { ticketId, typing: false });
    await eventually(() => expect(seenByAgent(ticketId)).toContainEqual({ name: 'Test Admin', typing: false }));
  });

  it('stops showing someone who left the ticket or closed the console', async () => {
    const other = await newTicket(t, 'pergi');
    const leaving = t.agentSocket(await t.loginAdmin());
    await connected(leaving);
    const seenByAgent = watchersSeenBy(agent);
    await watch(agent, { ticketId: other, typing: false });
    await watch(leaving, { ticketId: other, typing: false });
    await eventually(() => expect(seenByAgent(other)).toHaveLength(2));
    expect(await leaving.timeout(2_000).emitWithAck('ticket.unwatch', { ticketId: other })).toEqual({ ok: true });
    await eventually(() => expect(seenByAgent(other)).toEqual([{ name: 'Test Agent', typing: false }]));

    await watch(leaving, { ticketId: other, typing: true });
    await eventually(() => expect(seenByAgent(other)).toContainEqual({ name: 'Test Admin', typing: true }));
    leaving.disconnect();
    await eventually(() => expect(seenByAgent(other)).toEqual([{ name: 'Test Agent', typing: false }]));
  });

  it('lets typing lapse by itself when the console stops refreshing it', async () => {
    const quiet = await newTicket(t, 'diam');
    const seenByAgent = watchersSeenBy(agent);
    await watch(agent, { ticketId: quiet, typing: false });
    await watch(admin, { ticketId: quiet, typing: true });
    await eventually(() => expect(seenByAgent(quiet)).toContainEqual({ name: 'Test Admin', typing: true }));
    // No refresh and no typing: false (a tab frozen mid-word): about six seconds later it stops.
    await eventually(() => expect(seenByAgent(quiet)).toContainEqual({ name: 'Test Admin', typing: false }), 8_000);
  }, 12_000);

  it('answers bad watch requests with coded errors and watches nothing', async () => {
    const bad = (await watch(agent, { ticketId: 'satu', typing: false })) as Extract<Answer, { ok: false }>;
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation.failed', details: { issues: [{ path: 'ticketId' }] } } });
    expect(await watch(agent, { ticketId, typing: false, extra: 1 })).toMatchObject({ ok: false, error: { code: 'validation.failed' } });
    expect(await watch(agent, { ticketId })).toMatchObject({ ok: false, error: { code: 'validation.failed' } });
    expect(await watch(agent, { ticketId, typing: false }, 'extra')).toMatchObject({ ok: false, error: { code: 'validation.failed' } });
    expect(await agent.timeout(2_000).emitWithAck('ticket.unwatch', { ticketId: -1 })).toMatchObject({ ok: false, error: { code: 'validation.failed' } });

    const seenByAdmin = watchersSeenBy(admin);
    const missing = 99_999_999;
    expect(await watch(agent, { ticketId: missing, typing: true })).toMatchObject({ ok: false, error: { code: 'ticket.not_found' } });
    expect(await watch(admin, { ticketId: missing, typing: false })).toMatchObject({ ok: false, error: { code: 'ticket.not_found' } });
    expect(seenByAdmin(missing)).toEqual([]);
  });

  it('refuses one connection watching more tickets than a console shows', async () => {
    const greedy = t.agentSocket(await t.login());
    await connected(greedy);
    const tickets = await Promise.all(Array.from({ length: 11 }, (_, i) => newTicket(t, `banyak-${i}`)));
    for (const id of tickets.slice(0, 10)) expect(await watch(greedy, { ticketId: id, typing: false })).toMatchObject({ ok: true });
    expect(await watch(greedy, { ticketId: tickets[10]!, typing: false })).toMatchObject({ ok: false, error: { code: 'ticket.watch_limit', details: { max: 10 } } });
    // Refreshing one it already watches is not a new watch; leaving one makes room.
    expect(await watch(greedy, { ticketId: tickets[0]!, typing: true })).toMatchObject({ ok: true });
    await greedy.timeout(2_000).emitWithAck('ticket.unwatch', { ticketId: tickets[0]! });
    expect(await watch(greedy, { ticketId: tickets[10]!, typing: false })).toMatchObject({ ok: true });
    greedy.disconnect();
  });
});

describe('who else has a ticket open, across API processes joined by Redis', () => {
  let a: TestApp;
  let b: TestApp;
  const config = joinedConfig({ PRESENCE_TTL: 1_000 });
  beforeAll(async () => {
    a = await startTestApp({ config });
    b = await startTestApp({ shareDatabaseWith: a, config });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('shows an agent on A and an agent on B to each other, viewing and typing, and drops the one who disconnects', async () => {
    const ticketId = await newTicket(a, 'dua-proses');
    const onA = a.agentSocket(await a.login());
    const onB = b.agentSocket(await b.loginAdmin());
    await Promise.all([connected(onA), connected(onB)]);
    const seenOnA = watchersSeenBy(onA);
    const seenOnB = watchersSeenBy(onB);

    await watch(onA, { ticketId, typing: false });
    const answer = await watch(onB, { ticketId, typing: false });
    expect(answer.ok && answer.viewers.map((viewer) => viewer.name)).toEqual(['Test Agent', 'Test Admin']);
    await eventually(() => expect(seenOnA(ticketId)).toEqual([{ name: 'Test Agent', typing: false }, { name: 'Test Admin', typing: false }]));

    await watch(onB, { ticketId, typing: true });
    await eventually(() => expect(seenOnA(ticketId)).toContainEqual({ name: 'Test Admin', typing: true }));
    await watch(onA, { ticketId, typing: true });
    await eventually(() => expect(seenOnB(ticketId)).toEqual([{ name: 'Test Agent', typing: true }, { name: 'Test Admin', typing: true }]));

    onB.disconnect();
    await eventually(() => expect(seenOnA(ticketId)).toEqual([{ name: 'Test Agent', typing: true }]));
    onA.disconnect();
  });

  it('drops the viewers of a process that died without a word', async () => {
    const ticketId = await newTicket(a, 'proses-mati');
    const doomed = await startTestApp({ shareDatabaseWith: a, config });
    try {
      const onA = a.agentSocket(await a.login());
      const onDoomed = doomed.agentSocket(await doomed.loginAdmin());
      await Promise.all([connected(onA), connected(onDoomed)]);
      const seenOnA = watchersSeenBy(onA);
      await watch(onA, { ticketId, typing: false });
      await watch(onDoomed, { ticketId, typing: true });
      await eventually(() => expect(seenOnA(ticketId)).toContainEqual({ name: 'Test Admin', typing: true }));
      // What Redis sees of a SIGKILL: the process's connections drop and it never answers again. Its
      // socket stays open to it, so no disconnect announces anything: only A's next sweep can tell.
      const { commands, publisher, subscriber } = doomed.app.services.redis!;
      for (const client of [commands, publisher, subscriber]) client.disconnect();
      await eventually(() => expect(seenOnA(ticketId)).toEqual([{ name: 'Test Agent', typing: false }]), 3_000);
      onA.disconnect();
    } finally {
      await doomed.close();
    }
  });

  it('drops the viewers of a process that shuts down at once, without waiting for a sweep', async () => {
    const ticketId = await newTicket(a, 'proses-tutup');
    // A sweep this far apart cannot be what removes them.
    const leaving = await startTestApp({ shareDatabaseWith: a, config: { ...config, PRESENCE_TTL: 60_000 } });
    const onA = a.agentSocket(await a.login());
    const onLeaving = leaving.agentSocket(await leaving.loginAdmin());
    await Promise.all([connected(onA), connected(onLeaving)]);
    const seenOnA = watchersSeenBy(onA);
    await watch(onA, { ticketId, typing: false });
    await watch(onLeaving, { ticketId, typing: false });
    await eventually(() => expect(seenOnA(ticketId)).toHaveLength(2));
    await leaving.close();
    await eventually(() => expect(seenOnA(ticketId)).toEqual([{ name: 'Test Agent', typing: false }]), 1_500);
    onA.disconnect();
  });
});
