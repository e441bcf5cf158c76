/**
 * The two WhatsApp throughput rules of §2.10 and Instagram's per-account send rate (§3.9), on the
 * sim clock so tests can jump time instead of sleeping.
 */

/** Counts events in the trailing second: per-number 80 mps → 130429; IG 300/s → 613. */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** Records the hit and answers whether it fits under `perSecond`. */
  tryTake(key: string, perSecond: number): boolean {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - 1000);
    if (recent.length >= perSecond) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  clear(): void {
    this.hits.clear();
  }
}

/**
 * §2.10 pair rate: one message per 6 s between one business number and one user, with bursts up to
 * 45 that borrow from future quota — a token bucket of `burst` tokens refilled one per `refillEveryMs`.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(private readonly now: () => number) {}

  tryTake(key: string, burst: number, refillEveryMs: number): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: now };
    const refilled = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) / refillEveryMs);
    const ok = refilled >= 1;
    this.buckets.set(key, { tokens: ok ? refilled - 1 : refilled, updatedAt: now });
    return ok;
  }

  clear(): void {
    this.buckets.clear();
  }
}
