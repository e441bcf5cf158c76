import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './memory-rate-limiter.ts';
import { rateLimiterBehaviour } from './rate-limiter.testkit.ts';

describe('rate limit counters in memory', () => {
  rateLimiterBehaviour(() => createMemoryRateLimiter());

  it('forgets expired windows', async () => {
    const limiter = createMemoryRateLimiter();
    for (let i = 0; i < 100; i += 1) await limiter.consume([{ key: `visitor:${i}`, limit: 1, windowMs: 1_000 }], 0);
    expect(limiter.size).toBe(100);
    await limiter.consume([{ key: 'visitor:a', limit: 3, windowMs: 10_000 }], 120_000);
    expect(limiter.size).toBe(1);
  });
});
