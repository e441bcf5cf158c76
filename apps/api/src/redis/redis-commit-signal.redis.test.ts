import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/test-app.ts';
import { startOwnRedis, testRedisUrl, uniqueRedisPrefix } from '../testing/redis-test.ts';
import { startRedisCommitSignal, type RunningCommitSignal } from './redis-commit-signal.ts';

const opened: Redis[] = [];
const signals: RunningCommitSignal[] = [];
afterAll(() => {
  signals.forEach((signal) => signal.stop());
  opened.forEach((client) => client.disconnect());
});

/** One "process": a publisher and a subscriber as connectRedis opens them, and what it hears. */
async function processOn(url: string, channel: string, instanceId: string) {
  const options = { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: () => 50 };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  for (const client of [publisher, subscriber]) client.on('error', () => undefined);
  opened.push(publisher, subscriber);
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const heard: (number | null)[] = [];
  const signal = await startRedisCommitSignal(publisher, subscriber, { channel, instanceId, onCommittedElsewhere: (id) => heard.push(id), onError: () => undefined });
  signals.push(signal);
  return { signal, heard, subscriber };
}

describe('the commit signal over Redis', () => {
  it('reaches the other process and not the one that committed', async () => {
    const channel = `${uniqueRedisPrefix()}commits`;
    const a = await processOn(testRedisUrl(), channel, 'proc-a');
    const b = await processOn(testRedisUrl(), channel, 'proc-b');
    a.signal.committed(41);
    a.signal.committed(42);
    await eventually(() => expect(b.heard).toEqual([42]));
    b.signal.committed(43);
    await eventually(() => expect(a.heard).toEqual([43]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(a.heard).toEqual([43]);
    expect(b.heard).toEqual([42]);
  });

  it('after Redis restarts, says so once the subscription is live again, and hears signals from then on', async () => {
    const redis = await startOwnRedis();
    try {
      const channel = `${uniqueRedisPrefix()}commits`;
      const a = await processOn(redis.url, channel, 'proc-a');
      const b = await processOn(redis.url, channel, 'proc-b');
      a.signal.committed(1);
      await eventually(() => expect(b.heard).toEqual([1]));

      redis.kill();
      // Committed while Redis is down: the message waits in A's queue, or is lost; B must catch up either way.
      a.signal.committed(2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await redis.start();

      await eventually(() => expect(b.heard).toContain(null), 10_000);
      // The callback came after Redis confirmed the subscription: a commit right now is heard.
      const before = b.heard.length;
      a.signal.committed(3);
      await eventually(() => expect(b.heard.slice(before)).toContain(3), 5_000);
      expect(a.heard.filter((id) => id !== null)).toEqual([]);
    } finally {
      redis.stop();
    }
  });
});
