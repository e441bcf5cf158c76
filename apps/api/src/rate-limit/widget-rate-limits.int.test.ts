import { afterEach, describe, expect, it } from 'vitest';
import type { WidgetSessionResponse } from '@keluh/contracts';
import { adjustableClock } from '../testing/adjustable-clock.ts';
import { connected, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { Config } from '../config/config.ts';

type Ack = { ok: true; message: { id: number; ticketId: number } } | { ok: false; error: { code: string; details?: { retryAfterMs?: number; scope?: string } } };
const roomy = { limit: 1000, windowMs: 60_000 };

describe('widget rate limits', () => {
  let t: TestApp;
  const clock = adjustableClock();
  afterEach(() => t.close());

  const start = (config: Partial<Config>) => startTestApp({ clock, config });
  const send = (socket: ReturnType<TestApp['visitorSocket']>, clientMessageId: string, body: string): Promise<Ack> =>
    new Promise((resolve) => socket.emit('message.send', { clientMessageId, body }, resolve as never));
  const storedBodies = async (visitorId: string) => {
    const identity = await t.db.identities.findByExternalId('webchat', visitorId);
    if (!identity) return [];
    const [ticket] = await t.db.tickets.listForCustomer(identity.customerId);
    return ticket ? (await t.db.messages.listForTicket(ticket.id)).map((m) => m.body) : [];
  };

  it("refuses a visitor's burst over the socket with a coded wait, stores nothing of it, and stores the message once the window has passed", async () => {
    t = await start({ WIDGET_MESSAGE_RATE: { limit: 3, windowMs: 10_000 }, WIDGET_MESSAGE_IP_RATE: roomy });
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);
    for (const n of [1, 2, 3]) expect((await send(socket, `burst-000${n}`, `Pesan ${n}`)).ok).toBe(true);

    const refused = await send(socket, 'burst-0004', 'Pesan 4');
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { scope: 'visitor' } } });
    const wait = refused.ok ? 0 : refused.error.details!.retryAfterMs!;
    expect(wait).toBeGreaterThan(9_000);
    expect(wait).toBeLessThanOrEqual(10_000);
    expect(await storedBodies(visitor.visitorId)).toEqual(['Pesan 1', 'Pesan 2', 'Pesan 3']);
    // Asking again while refused neither stores it nor pushes the wait back.
    expect((await send(socket, 'burst-0004', 'Pesan 4')).ok).toBe(false);

    clock.advance(wait);
    const resent = await send(socket, 'burst-0004', 'Pesan 4');
    expect(resent.ok).toBe(true);
    expect(await storedBodies(visitor.visitorId)).toEqual(['Pesan 1', 'Pesan 2', 'Pesan 3', 'Pesan 4']);
  });

  it('limits one address across many visitors, and leaves other addresses alone', async () => {
    t = await start({ WIDGET_MESSAGE_RATE: roomy, WIDGET_MESSAGE_IP_RATE: { limit: 4, windowMs: 60_000 } });
    const office = '127.0.0.2';
    for (let n = 1; n <= 4; n += 1) {
      const visitor = await t.newVisitor();
      const socket = t.visitorSocket(visitor.visitorToken, { localAddress: office });
      await connected(socket);
      expect((await send(socket, `office-000${n}`, `Halo dari meja ${n}`)).ok).toBe(true);
    }
    const fifth = await t.newVisitor();
    const crowded = t.visitorSocket(fifth.visitorToken, { localAddress: office });
    await connected(crowded);
    expect(await send(crowded, 'office-0005', 'Halo dari meja 5')).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { scope: 'address' } } });
    expect(await t.db.identities.findByExternalId('webchat', fifth.visitorId)).toBeNull();

    const elsewhere = t.visitorSocket(fifth.visitorToken, { localAddress: '127.0.0.3' });
    await connected(elsewhere);
    expect((await send(elsewhere, 'office-0005', 'Halo dari rumah')).ok).toBe(true);
  });

  it('refuses a burst of session requests from one address over HTTP with Retry-After, without spending the refresh token', async () => {
    t = await start({ WIDGET_SESSION_IP_RATE: { limit: 3, windowMs: 60_000 }, WIDGET_SESSION_RATE: roomy });
    const from = (remoteAddress: string, payload: object = {}) => t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload, remoteAddress });
    const first = (await from('203.0.113.7')).json<WidgetSessionResponse>();
    expect((await from('203.0.113.7')).statusCode).toBe(200);
    expect((await from('203.0.113.7')).statusCode).toBe(200);

    const refused = await from('203.0.113.7', { refreshToken: first.refreshToken });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited', details: { scope: 'address' } } });
    expect(refused.json<{ error: { details: { retryAfterMs: number } } }>().error.details.retryAfterMs).toBeGreaterThan(59_000);
    // Another address is not affected.
    expect((await from('198.51.100.20')).statusCode).toBe(200);

    clock.advance(60_000);
    const refreshed = await from('203.0.113.7', { refreshToken: first.refreshToken });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json<WidgetSessionResponse>().visitorId).toBe(first.visitorId);
  });

  it('counts IPv6 addresses of one /64 together', async () => {
    t = await start({ WIDGET_SESSION_IP_RATE: { limit: 2, windowMs: 60_000 } });
    const from = (remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {}, remoteAddress });
    expect((await from('2001:db8:1:2::a')).statusCode).toBe(200);
    expect((await from('2001:db8:1:2:ffff::b')).statusCode).toBe(200);
    expect((await from('2001:db8:1:2:1234:5678:9abc:def0')).statusCode).toBe(429);
    expect((await from('2001:db8:1:3::a')).statusCode).toBe(200);
  });

  it('limits how often one session is refreshed, whatever the address', async () => {
    t = await start({ WIDGET_SESSION_IP_RATE: roomy, WIDGET_SESSION_RATE: { limit: 2, windowMs: 60_000 } });
    let grant = await t.newVisitor();
    for (const address of ['203.0.113.1', '203.0.113.2']) {
      const response = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { refreshToken: grant.refreshToken }, remoteAddress: address });
      expect(response.statusCode).toBe(200);
      grant = response.json<WidgetSessionResponse>();
    }
    const third = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { refreshToken: grant.refreshToken }, remoteAddress: '203.0.113.3' });
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ error: { code: 'rate_limited', details: { scope: 'visitor' } } });
  });
});
