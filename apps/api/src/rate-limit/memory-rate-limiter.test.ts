import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './memory-rate-limiter.ts';

const perVisitor = { key: 'visitor:a', limit: 3, windowMs: 10_000 };
const perIp = { key: 'ip:1', limit: 5, windowMs: 60_000 };

describe('rate limit counters in memory', () => {
  it('allows the limit within a window, refuses the next with the time left, and allows again after it', async () => {
    const limiter = createMemoryRateLimiter();
    for (const at of [0, 100, 200]) expect(await limiter.consume([perVisitor], at)).toEqual({ allowed: true });
    expect(await limiter.consume([perVisitor], 2_500)).toEqual({ allowed: false, key: 'visitor:a', retryAfterMs: 7_500 });
    expect(await limiter.consume([perVisitor], 10_000)).toEqual({ allowed: true });
  });

  it('does not count a refused attempt, so hammering does not push the wait back', async () => {
    const limiter = createMemoryRateLimiter();
    for (let i = 0; i < 3; i += 1) await limiter.consume([perVisitor], 0);
    for (let i = 0; i < 50; i += 1) await limiter.consume([perVisitor], 5_000);
    expect(await limiter.consume([perVisitor], 10_000)).toEqual({ allowed: true });
    expect(await limiter.consume([perVisitor], 10_001)).toEqual({ allowed: true });
  });

  it('counts all rules or none: a refusal by one rule leaves the others untouched', async () => {
    const limiter = createMemoryRateLimiter();
    const otherVisitor = { ...perVisitor, key: 'visitor:b' };
    for (let i = 0; i < 3; i += 1) await limiter.consume([perVisitor, perIp], i);
    for (let i = 0; i < 2; i += 1) await limiter.consume([otherVisitor, perIp], 10 + i);
    // The IP is at 5: visitor b is refused by it, and its own count (2) must not grow.
    expect(await limiter.consume([otherVisitor, perIp], 20)).toEqual({ allowed: false, key: 'ip:1', retryAfterMs: 59_980 });
    expect(await limiter.consume([otherVisitor], 30)).toEqual({ allowed: true });
    expect(await limiter.consume([otherVisitor], 40)).toEqual({ allowed: false, key: 'visitor:b', retryAfterMs: 9_970 });
  });

  it('reports the longest wait when several rules refuse', async () => {
    const limiter = createMemoryRateLimiter();
    const tight = { key: 'both', limit: 1, windowMs: 1_000 };
    const loose = { key: 'both-long', limit: 1, windowMs: 9_000 };
    await limiter.consume([tight, loose], 0);
    expect(await limiter.consume([tight, loose], 500)).toEqual({ allowed: false, key: 'both-long', retryAfterMs: 8_500 });
  });

  it('forgets expired windows', async () => {
    const limiter = createMemoryRateLimiter();
    for (let i = 0; i < 100; i += 1) await limiter.consume([{ key: `visitor:${i}`, limit: 1, windowMs: 1_000 }], 0);
    expect(limiter.size).toBe(100);
    await limiter.consume([perVisitor], 120_000);
    expect(limiter.size).toBe(1);
  });
});
