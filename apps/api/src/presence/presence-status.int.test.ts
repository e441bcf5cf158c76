import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Clock, PresenceStatus, StaffPresence } from '@keluh/core';
import type { PresenceMeResponse, PresenceResponse } from '@keluh/contracts';
import { connected, eventually, nextPushed, startTestApp, type TestApp } from '../testing/test-app.ts';
import { joinedConfig } from '../testing/redis-test.ts';
import { newTicket, watch } from '../testing/ticket-watch.testkit.ts';

// Grace periods here are 1.5 s: long enough that a socket reconnecting on a busy machine makes it in time.

/** The wall clock, moved ahead by hand: idleness is measured on it, socket timers are real. */
function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset).toISOString(), advance: (ms) => void (offset += ms) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The statuses announced for a user, in log order: what a board replaying the log would show. */
async function announced(t: TestApp, userId: number): Promise<PresenceStatus[]> {
  const events = await t.db.events.listAfter(0, { limit: 1000 });
  return events.flatMap((event) => (event.type === 'presence.updated' && event.payload.presence.userId === userId ? [event.payload.presence.status] : []));
}

async function statusOf(t: TestApp, token: string, userId: number): Promise<StaffPresence | undefined> {
  const response = await t.app.inject({ method: 'GET', url: '/api/presence', headers: { authorization: `Bearer ${token}` } });
  return response.json<PresenceResponse>().items.find((item) => item.userId === userId);
}

const choose = (t: TestApp, token: string, status: unknown) =>
  t.app.inject({ method: 'PUT', url: '/api/presence/me', headers: { authorization: `Bearer ${token}` }, payload: { status } });

describe('an agent’s presence in one process', () => {
  let t: TestApp;
  let token: string;
  const clock = movableClock();
  beforeAll(async () => {
    t = await startTestApp({ clock, config: { PRESENCE_GRACE_SECONDS: 1.5, PRESENCE_SWEEP: 100 } });
    token = await t.login();
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await choose(t, token, 'online');
  });

  it('a phone that drops its socket and reconnects within the grace period never shows offline', async () => {
    const first = t.agentSocket(token);
    await connected(first);
    // The status is settled just before its event commits: wait for the event itself.
    await eventually(async () => expect((await announced(t, t.agentId)).at(-1)).toBe('online'));
    const before = await announced(t, t.agentId);
    first.disconnect();
    await pause(200);
    const back = t.agentSocket(token);
    await connected(back);
    // Past the grace period counted from the disconnect: had it not been held, offline would be announced by now.
    await pause(1_800);
    expect(await announced(t, t.agentId)).toEqual(before);
    expect(await statusOf(t, token, t.agentId)).toMatchObject({ status: 'online', connections: 1 });

    back.disconnect();
    await eventually(async () => expect((await announced(t, t.agentId)).slice(before.length)).toEqual(['offline']), 3_000);
  });

  it('the manual toggle sets the status everyone sees, announced over the socket', async () => {
    const watcher = t.agentSocket(await t.loginAdmin());
    const mine = t.agentSocket(token);
    await Promise.all([connected(watcher), connected(mine)]);
    await eventually(async () => expect((await statusOf(t, token, t.agentId))?.status).toBe('online'));
    const pushed = nextPushed<{ type: string; payload: { presence: StaffPresence } }>(watcher, (event) => event.type === 'presence.updated' && event.payload.presence.status === 'away');
    const response = await choose(t, token, 'away');
    expect(response.statusCode).toBe(200);
    expect(response.json<PresenceMeResponse>().presence).toMatchObject({ userId: t.agentId, status: 'away', connections: 1 });
    expect((await pushed).payload.presence).toMatchObject({ userId: t.agentId, status: 'away', currentTicketId: null });
    expect((await choose(t, token, 'offline')).json<PresenceMeResponse>().presence.status).toBe('offline');
    mine.disconnect();
    watcher.disconnect();
  });

  it('a status that does not exist is refused and changes nothing', async () => {
    const mine = t.agentSocket(token);
    await connected(mine);
    await eventually(async () => expect((await announced(t, t.agentId)).at(-1)).toBe('online'));
    const before = await announced(t, t.agentId);
    const response = await choose(t, token, 'busy');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation.failed');
    expect(await t.db.presenceChoices.get(t.agentId)).toBe('online');
    expect(await announced(t, t.agentId)).toEqual(before);
    mine.disconnect();
  });

  it('opening a ticket is pushed as the agent’s current ticket, once however often they type, and closing it clears it', async () => {
    const watcher = t.agentSocket(await t.loginAdmin());
    const mine = t.agentSocket(token);
    await Promise.all([connected(watcher), connected(mine)]);
    await eventually(async () => expect((await statusOf(t, token, t.agentId))?.status).toBe('online'));
    const ticketId = await newTicket(t, 'presence-current');
    const current = (events: { type: string; payload: { presence: StaffPresence } }[]) =>
      events.flatMap((event) => (event.type === 'presence.updated' && event.payload.presence.userId === t.agentId ? [event.payload.presence.currentTicketId] : []));
    const logged = async () => current((await t.db.events.listAfter(0, { limit: 1000 })) as never);
    const before = await logged();

    const opened = nextPushed<{ type: string; payload: { presence: StaffPresence } }>(watcher, (event) => event.type === 'presence.updated' && event.payload.presence.currentTicketId === ticketId);
    expect(await watch(mine, { ticketId, typing: false })).toMatchObject({ ok: true });
    expect((await opened).payload.presence).toMatchObject({ userId: t.agentId, status: 'online', currentTicketId: ticketId });
    // Typing refreshes the same watch: nothing new to announce.
    expect(await watch(mine, { ticketId, typing: true })).toMatchObject({ ok: true });
    expect(await watch(mine, { ticketId, typing: false })).toMatchObject({ ok: true });

    const closed = nextPushed<{ type: string; payload: { presence: StaffPresence } }>(watcher, (event) => event.type === 'presence.updated' && event.payload.presence.userId === t.agentId && event.payload.presence.currentTicketId === null);
    expect(await mine.timeout(2_000).emitWithAck('ticket.unwatch', { ticketId })).toEqual({ ok: true });
    await closed;
    expect((await logged()).slice(before.length)).toEqual([ticketId, null]);
    mine.disconnect();
    watcher.disconnect();
  });

  it('an agent idle past the setting turns away, and back online with their next move', async () => {
    await t.db.settings.set('presence.idle_away_minutes', '1');
    const mine = t.agentSocket(token);
    await connected(mine);
    await eventually(async () => expect((await statusOf(t, token, t.agentId))?.status).toBe('online'));
    clock.advance(30_000);
    await pause(300);
    expect((await statusOf(t, token, t.agentId))?.status).toBe('online');
    clock.advance(31_000);
    await eventually(async () => expect((await statusOf(t, token, t.agentId))?.status).toBe('away'));
    expect(await mine.timeout(2_000).emitWithAck('presence.activity', {})).toEqual({ ok: true });
    await eventually(async () => expect((await statusOf(t, token, t.agentId))?.status).toBe('online'));
    expect((await announced(t, t.agentId)).slice(-2)).toEqual(['away', 'online']);
    expect(await mine.timeout(2_000).emitWithAck('presence.activity', { at: 'now' } as unknown as Record<string, never>)).toMatchObject({ ok: false, error: { code: 'validation.failed' } });
    mine.disconnect();
    await t.db.settings.set('presence.idle_away_minutes', '10');
  });
});

describe('presence of API processes joined through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let token: string;
  beforeAll(async () => {
    const config = joinedConfig({ PRESENCE_GRACE_SECONDS: 1.5, PRESENCE_SWEEP: 100 });
    a = await startTestApp({ config });
    b = await startTestApp({ shareDatabaseWith: a, config });
    token = await a.login();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('each change is announced once, though both processes see it', async () => {
    const onA = a.agentSocket(token);
    const onB = b.agentSocket(token);
    await Promise.all([connected(onA), connected(onB)]);
    await eventually(async () => expect((await statusOf(b, token, a.agentId))?.status).toBe('online'));
    await choose(b, token, 'away');
    await choose(a, token, 'online');
    // Both sweeps run several times over here; neither may announce a change the other already did.
    await pause(500);
    expect(await announced(a, a.agentId)).toEqual(['online', 'away', 'online']);
    onA.disconnect();
    onB.disconnect();
    await eventually(async () => expect(await announced(a, a.agentId)).toEqual(['online', 'away', 'online', 'offline']), 3_000);
  });

  it('the ticket an agent has open shows in the presence list from either process', async () => {
    const onA = a.agentSocket(token);
    await connected(onA);
    await a.app.services.presence.viewing(a.agentId, 42);
    await eventually(async () => expect(await statusOf(b, token, a.agentId)).toMatchObject({ status: 'online', currentTicketId: 42 }));
    await a.app.services.presence.viewing(a.agentId, null);
    expect((await statusOf(b, token, a.agentId))?.currentTicketId).toBeNull();
    onA.disconnect();
    await eventually(async () => expect((await announced(a, a.agentId)).at(-1)).toBe('offline'), 3_000);
  });

  it('a socket moving from one process to another within the grace period does not flap', async () => {
    const before = await announced(a, a.agentId);
    const onA = a.agentSocket(token);
    await connected(onA);
    await eventually(async () => expect(await announced(a, a.agentId)).toEqual([...before, 'online']));
    onA.disconnect();
    await pause(150);
    const onB = b.agentSocket(token);
    await connected(onB);
    await pause(1_800);
    expect(await announced(a, a.agentId)).toEqual([...before, 'online']);
    onB.disconnect();
  });
});
