import { expect, it } from 'vitest';
import type { RateLimiter } from '@keluh/core';

const perVisitor = { key: 'visitor:a', limit: 3, windowMs: 10_000 };
const perIp = { key: 'ip:1', limit: 5, windowMs: 60_000 };

/**
 * What the RateLimiter port promises, for every implementation (memory, Redis). `make` hands a limiter
 * with no counts yet; times are the port's `nowMs`, the caller's clock.
 */
export function rateLimiterBehaviour(make: () => RateLimiter | Promise<RateLimiter>): void {
  it('allows the limit within a window, refuses the next with the time left, and allows again after it', async () => {
    const limiter = await make();
    for (const at of [0, 100, 200]) expect(await limiter.consume([perVisitor], at)).toEqual({ allowed: true });
    expect(await limiter.consume([perVisitor], 2_500)).toEqual({ allowed: false, key: 'visitor:a', retryAfterMs: 7_500 });
    expect(await limiter.consume([perVisitor], 10_000)).toEqual({ allowed: true });
  });

  it('does not count a refused attempt, so hammering does not push the wait back', async () => {
    const limiter = await make();
    for (let i = 0; i < 3; i += 1) await limiter.consume([perVisitor], 0);
    for (let i = 0; i < 50; i += 1) await limiter.consume([perVisitor], 5_000);
    expect(await limiter.consume([perVisitor], 10_000)).toEqual({ allowed: true });
    expect(await limiter.consume([perVisitor], 10_001)).toEqual({ allowed: true });
  });

  it('counts all rules or none: a refusal by one rule leaves the others untouched', async () => {
    const limiter = await make();
    const otherVisitor = { ...perVisitor, key: 'visitor:b' };
    for (let i = 0; i < 3; i += 1) await limiter.consume([perVisitor, perIp], i);
    for (let i = 0; i < 2; i += 1) await limiter.consume([otherVisitor, perIp], 10 + i);
    // The IP is at 5: visitor b is refused by it, and its own count (2) must not grow.
    expect(await limiter.consume([otherVisitor, perIp], 20)).toEqual({ allowed: false, key: 'ip:1', retryAfterMs: 59_980 });
    expect(await limiter.consume([otherVisitor], 30)).toEqual({ allowed: true });
    expect(await limiter.consume([otherVisitor], 40)).toEqual({ allowed: false, key: 'visitor:b', retryAfterMs: 9_970 });
  });

  it('reports the longest wait when several rules refuse', async () => {
    const limiter = await make();
    const tight = { key: 'both', limit: 1, windowMs: 1_000 };
    const loose = { key: 'both-long', limit: 1, windowMs: 9_000 };
    await limiter.consume([tight, loose], 0);
    expect(await limiter.consume([tight, loose], 500)).toEqual({ allowed: false, key: 'both-long', retryAfterMs: 8_500 });
  });

  it('lets exactly the limit through when many attempts race for the last places', async () => {
    const limiter = await make();
    const rule = { key: 'visitor:race', limit: 7, windowMs: 60_000 };
    const decisions = await Promise.all(Array.from({ length: 40 }, (_, i) => limiter.consume([rule, { ...perIp, key: `ip:race:${i % 2}`, limit: 1_000 }], 1_000)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(7);
  });
}
