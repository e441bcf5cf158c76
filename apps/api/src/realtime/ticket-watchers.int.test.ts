import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { connected, eventually, startTestApp, type TestApp } from '../testing/test-app.ts';
import { newTicket, watch, watchersSeenBy, type WatchAnswer } from '../testing/ticket-watch.testkit.ts';

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
    const bad = (await watch(agent, { ticketId: 'satu', typing: false })) as Extract<WatchAnswer, { ok: false }>;
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
