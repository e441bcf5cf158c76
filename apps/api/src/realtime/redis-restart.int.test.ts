import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wa } from '@keluh/meta-sim';
import { startChannelHarness, type ChannelHarness } from '../testing/channel-harness.ts';
import { connected, eventually, startTestApp, type TestApp } from '../testing/test-app.ts';
import { startOwnRedis, uniqueRedisPrefix, type OwnRedis } from '../testing/redis-test.ts';
import { receivedEvents } from '../testing/received-events.ts';

describe('two API processes while their Redis restarts', () => {
  let redis: OwnRedis;
  let h: ChannelHarness;
  let b: TestApp;
  let joined: { REDIS_URL: string; REDIS_PREFIX: string };
  beforeAll(async () => {
    // A Redis of its own: the one the other tests share must not go down under them.
    redis = await startOwnRedis();
    joined = { REDIS_URL: redis.url, REDIS_PREFIX: uniqueRedisPrefix() };
    h = await startChannelHarness({ config: joined });
    b = await startTestApp({ shareDatabaseWith: h.t, config: joined });
  });
  afterAll(async () => {
    await b?.close();
    await h?.close();
    redis?.stop();
  });

  it('lose no event: what A ingested before, during and after the outage reaches the agent on B once, in order', async () => {
    const socket = b.agentSocket(await b.login());
    await connected(socket);
    const received = receivedEvents(socket);
    const from = await h.t.db.events.latestId();
    const send = async (label: string, to = h.t) =>
      expect((await h.sim.webhooks.whatsapp.inbound({ name: 'Sari', waId: '6281299900001' }, wa.text(label), { url: `${to.url}/webhooks/whatsapp` })).delivered).toBe(true);
    // Everything logged so far, read afresh on each try: a background job (the assignment drain of the new
    // ticket) may log an event after the webhooks, and B must hear that one too.
    const heardOnB = () =>
      eventually(async () => {
        const log = (await h.t.db.events.listAfter(from, { limit: 1_000 })).map((event) => event.id);
        expect(received.ids.filter((id) => id > from)).toEqual(log);
      }, 10_000);

    for (const label of ['sebelum 1', 'sebelum 2']) await send(label);
    await heardOnB();

    // A third process takes the webhooks during the outage and is gone before Redis is back, so its
    // signals are lost for good (nothing queued survives it): only B's own catch-up can find these.
    const c = await startTestApp({ shareDatabaseWith: h.t, config: joined });
    redis.kill();
    // Ingest does not wait on Redis: the webhooks are stored and answered while it is down.
    for (const label of ['selama 1', 'selama 2', 'selama 3']) await send(label, c);
    await c.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received.ids.at(-1)).toBeLessThan(await h.t.db.events.latestId());
    await redis.start();
    await heardOnB();

    for (const label of ['sesudah 1', 'sesudah 2']) await send(label);
    await heardOnB();
    expect(received.inOrderOnce()).toBe(true);
    const bodies = received.events.flatMap((event) => (event.type === 'message.created' ? [event.payload.message.body] : []));
    expect(bodies).toEqual(['sebelum 1', 'sebelum 2', 'selama 1', 'selama 2', 'selama 3', 'sesudah 1', 'sesudah 2']);
  });
});
