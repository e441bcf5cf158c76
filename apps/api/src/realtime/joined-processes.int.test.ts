import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wa } from '@keluh/meta-sim';
import { startChannelHarness, type ChannelHarness } from '../testing/channel-harness.ts';
import { connected, eventually, nextEvent, startTestApp, type TestApp } from '../testing/test-app.ts';
import { joinedConfig } from '../testing/redis-test.ts';
import { receivedEvents } from '../testing/received-events.ts';

/**
 * Two apps in one test process stand for two API processes: one database (shareDatabaseWith), one Redis
 * (the same REDIS_URL and REDIS_PREFIX). meta-sim delivers to A only; the agent's socket is on B.
 */
describe('two API processes joined by Redis', () => {
  let h: ChannelHarness;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const joined = joinedConfig();
    h = await startChannelHarness({ config: joined });
    a = h.t;
    b = await startTestApp({ shareDatabaseWith: a, config: joined });
  });
  afterAll(async () => {
    await b?.close();
    await h?.close();
  });

  it('deliver what A ingested to an agent connected to B, in log order and exactly once', async () => {
    const socket = b.agentSocket(await b.login());
    await connected(socket);
    const received = receivedEvents(socket);
    const from = await a.db.events.latestId();

    const rina = { name: 'Rina Wulandari', waId: '6281234500001' };
    const budi = { name: 'Budi Santoso', waId: '6281234500002' };
    // One at a time, several customers at once, a batch in one POST, and a delivery Meta sends twice.
    for (let i = 1; i <= 5; i += 1) expect((await h.sim.webhooks.whatsapp.inbound(rina, wa.text(`Rina pesan ${i}`))).delivered).toBe(true);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => h.sim.webhooks.whatsapp.inbound({ name: `Pelanggan ${i}`, waId: `62812345100${i}` }, wa.text(`Serentak ${i}`))),
    );
    await h.sim.webhooks.whatsapp.inbound(budi, [wa.text('Budi 1'), wa.text('Budi 2'), wa.text('Budi 3')]);
    await h.sim.webhooks.whatsapp.inbound(budi, wa.text('Budi dua kali'), { duplicate: 'concurrent' });

    const log = (await a.db.events.listAfter(from, { limit: 1_000 })).map((event) => event.id);
    expect(log.length).toBeGreaterThanOrEqual(17);
    await eventually(() => expect(received.ids.filter((id) => id > from)).toEqual(log), 5_000);
    expect(received.inOrderOnce()).toBe(true);
    const bodies = received.events.flatMap((event) => (event.type === 'message.created' ? [event.payload.message.body] : []));
    expect(bodies.filter((body) => body === 'Budi dua kali')).toHaveLength(1);
    expect(bodies.filter((body) => body.startsWith('Serentak'))).toHaveLength(8);
  });

  it('cut, on B, the socket of a session signed out on A', async () => {
    const token = await a.login();
    const socket = b.agentSocket(token);
    await connected(socket);
    const ended = nextEvent<{ code: string }>(socket, 'session.ended');
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const logout = await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(logout.statusCode).toBe(204);
    expect((await ended).code).toBe('auth.unauthenticated');
    expect(await disconnected).toBe('io server disconnect');
  });

  it("close, on B, a visitor's chat whose sessions staff ended on A", async () => {
    const visitor = await b.newVisitor();
    const socket = b.visitorSocket(visitor.visitorToken);
    await connected(socket);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const revoked = await a.app.inject({
      method: 'DELETE',
      url: `/api/widget/visitors/${visitor.visitorId}/sessions`,
      headers: { authorization: `Bearer ${await a.loginAdmin()}` },
    });
    expect(revoked.json()).toEqual({ revoked: 1 });
    expect(await disconnected).toBe('io server disconnect');
  });

  it('leave the sockets of the other process alone when one process shuts down', async () => {
    const other = await startTestApp({ shareDatabaseWith: a, config: { REDIS_URL: b.app.services.config.REDIS_URL, REDIS_PREFIX: b.app.services.config.REDIS_PREFIX } });
    const socket = b.agentSocket(await b.login());
    await connected(socket);
    await other.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(socket.connected).toBe(true);
  });
});
