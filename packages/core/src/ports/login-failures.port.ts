import type { Instant } from '../shared/instant.ts';

/** Failed sign-ins counted under one throttle key (a digest of account, or account and address). */
export interface LoginFailureCount {
  failures: number;
  lastFailureAt: Instant;
  lockedUntil: Instant | null;
}

/**
 * Sign-in failures, kept in the database so every API process sees the same counts and locks.
 * Counting happens in SQL (an upsert), never read-modify-write in the caller, so two processes failing
 * the same account at once both count.
 */
export interface LoginFailureRepository {
  /** The counts stored for these keys; keys without failures are absent from the answer. */
  find(keys: string[]): Promise<Map<string, LoginFailureCount>>;
  /**
   * Adds one failure and returns the new count. A count whose last failure is older than `forgetBefore`
   * starts again at 1, so old mistakes do not add up forever.
   */
  recordFailure(key: string, now: Instant, forgetBefore: Instant): Promise<number>;
  /** Locks the key until `until`; a lock already reaching further (set by a concurrent failure) is kept. */
  lockUntil(key: string, until: Instant): Promise<void>;
  clear(key: string): Promise<void>;
  /** Drops counts last touched before `before` whose lock has passed by `now`; returns how many. */
  purgeStale(before: Instant, now: Instant): Promise<number>;
}
