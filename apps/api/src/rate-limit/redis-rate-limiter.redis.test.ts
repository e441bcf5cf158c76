import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { RateLimiter } from '@keluh/core';
import { testRedisUrl, uniqueRedisPrefix } from '../testing/redis-test.ts';
import { createMemoryRateLimiter } from './memory-rate-limiter.ts';
import { createRedisRateLimiter } from './redis-rate-limiter.ts';
import { rateLimiterBehaviour } from './rate-limiter.testkit.ts';

const clients: Redis[] = [];
afterAll(() => clients.forEach((client) => client.disconnect()));

async function connected(): Promise<Redis> {
  const client = new Redis(testRedisUrl(), { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  clients.push(client);
  await client.connect();
  return client;
}

const noFallback: RateLimiter = {
  consume: () => Promise.reject(new Error('the fallback must not be used while Redis answers')),
};

describe('rate limit counters in Redis', () => {
  rateLimiterBehaviour(async () => createRedisRateLimiter(await connected(), { prefix: uniqueRedisPrefix(), fallback: noFallback, onFallback: () => undefined }));

  it('counts one visitor once across two processes (two connections, one prefix)', async () => {
    const prefix = uniqueRedisPrefix();
    const a = createRedisRateLimiter(await connected(), { prefix, fallback: noFallback, onFallback: () => undefined });
    const b = createRedisRateLimiter(await connected(), { prefix, fallback: noFallback, onFallback: () => undefined });
    const rule = { key: 'visitor:hopper', limit: 4, windowMs: 60_000 };
    const decisions = [await a.consume([rule], 0), await b.consume([rule], 1), await a.consume([rule], 2), await b.consume([rule], 3), await a.consume([rule], 4)];
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, true, false]);
    expect(await b.consume([rule], 5)).toEqual({ allowed: false, key: 'visitor:hopper', retryAfterMs: 59_995 });
  });

  it('lets Redis forget a window once it is over', async () => {
    const client = await connected();
    const prefix = uniqueRedisPrefix();
    const limiter = createRedisRateLimiter(client, { prefix, fallback: noFallback, onFallback: () => undefined });
    await limiter.consume([{ key: 'visitor:brief', limit: 5, windowMs: 5_000 }], 0);
    const ttl = await client.pttl(`${prefix}rate:visitor:brief`);
    expect(ttl).toBeGreaterThan(4_000);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });

  it('keeps limiting in this process alone while Redis cannot be reached', async () => {
    const client = await connected();
    const limiter = createRedisRateLimiter(client, { prefix: uniqueRedisPrefix(), fallback: createMemoryRateLimiter(), onFallback: () => undefined });
    client.disconnect();
    const rule = { key: 'visitor:offline', limit: 2, windowMs: 60_000 };
    const decisions = await Promise.all([0, 1, 2].map((at) => limiter.consume([rule], at)));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, false]);
  });
});
