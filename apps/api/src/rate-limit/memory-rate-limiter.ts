import type { RateDecision, RateLimiter, RateRule } from '@keluh/core';

interface Window {
  count: number;
  resetAt: number;
}

/** How often expired windows are swept, so keys of visitors long gone do not pile up. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Fixed windows in a Map, for one process. Check-then-count is atomic because it runs without an await:
 * no other call can interleave between reading the counts and incrementing them.
 */
export function createMemoryRateLimiter(): RateLimiter & { readonly size: number } {
  const windows = new Map<string, Window>();
  let nextSweepAt = 0;

  const sweep = (nowMs: number) => {
    if (nowMs < nextSweepAt) return;
    nextSweepAt = nowMs + SWEEP_EVERY_MS;
    for (const [key, window] of windows) if (window.resetAt <= nowMs) windows.delete(key);
  };

  return {
    async consume(rules: readonly RateRule[], nowMs: number): Promise<RateDecision> {
      sweep(nowMs);
      let refusal: { key: string; retryAfterMs: number } | null = null;
      for (const rule of rules) {
        const window = windows.get(rule.key);
        if (!window || window.resetAt <= nowMs || window.count < rule.limit) continue;
        const retryAfterMs = window.resetAt - nowMs;
        if (!refusal || retryAfterMs > refusal.retryAfterMs) refusal = { key: rule.key, retryAfterMs };
      }
      if (refusal) return { allowed: false, ...refusal };
      for (const rule of rules) {
        const window = windows.get(rule.key);
        if (!window || window.resetAt <= nowMs) windows.set(rule.key, { count: 1, resetAt: nowMs + rule.windowMs });
        else window.count += 1;
      }
      return { allowed: true };
    },
    get size() {
      return windows.size;
    },
  };
}
