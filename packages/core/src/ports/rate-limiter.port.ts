/**
 * Counters for rate limits. The in-memory implementation serves one process; several processes need a
 * shared store (Redis: INCR + PEXPIRE per key, the multi-key check in one script), behind this port.
 */

export interface RateRule {
  /** What is counted, e.g. `widget.message:visitor:<id>`. */
  key: string;
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; key: string; retryAfterMs: number };

export interface RateLimiter {
  /**
   * Counts one hit against every rule, or against none when any rule is already at its limit: a refused
   * attempt costs nothing, so the wait it is told is the real wait. Atomic per call. A window opens at a
   * key's first hit and lasts `windowMs`.
   */
  consume(rules: readonly RateRule[], nowMs: number): Promise<RateDecision>;
}
