import type { ClientContext, Redis, Result } from 'ioredis';
import type { RateDecision, RateLimiter, RateRule } from '@keluh/core';

/**
 * Checks every rule, then counts against all of them or none, in one script: Redis runs a script without
 * interleaving any other command, which is what makes "a refused attempt counts toward none" hold when
 * several processes hit the same keys at once (two MULTI blocks could each read "under the limit").
 *
 * Each key is a hash { count, resetAt } with resetAt on the caller's clock (the port's `nowMs`), exactly
 * the memory implementation's fixed window; PEXPIRE only lets Redis forget a window once it is over.
 * Returns { 0, 0 } when counted, or { index of the refusing rule (1-based), ms until it resets }: the rule
 * with the longest wait when several refuse.
 */
const CONSUME = `
local now = tonumber(ARGV[1])
local refused, wait = 0, -1
for i = 1, #KEYS do
  local limit = tonumber(ARGV[2 * i])
  local window = redis.call('HMGET', KEYS[i], 'count', 'resetAt')
  local count, resetAt = tonumber(window[1]), tonumber(window[2])
  if count and resetAt and resetAt > now and count >= limit and resetAt - now > wait then
    refused, wait = i, resetAt - now
  end
end
if refused > 0 then return { refused, wait } end
for i = 1, #KEYS do
  local windowMs = tonumber(ARGV[2 * i + 1])
  local window = redis.call('HMGET', KEYS[i], 'count', 'resetAt')
  local count, resetAt = tonumber(window[1]), tonumber(window[2])
  if count and resetAt and resetAt > now then
    redis.call('HINCRBY', KEYS[i], 'count', 1)
  else
    redis.call('HSET', KEYS[i], 'count', 1, 'resetAt', now + windowMs)
    redis.call('PEXPIRE', KEYS[i], windowMs)
  end
end
return { 0, 0 }
`;

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    /** CONSUME with its keys counted first (the number of rules varies per call). */
    keluhRateConsume(numberOfKeys: number, ...keysThenArgs: (string | number)[]): Result<[number, number], Context>;
  }
}

export interface RedisRateLimiterOptions {
  /** Starts every key (REDIS_PREFIX), e.g. `keluh:` → `keluh:rate:widget.message:visitor:…`. */
  prefix: string;
  /**
   * Used while Redis cannot be reached: limits then hold per process instead of not at all, and nobody is
   * refused service because the counter store is away.
   */
  fallback: RateLimiter;
  onFallback(error: unknown): void;
}

/** The RateLimiter port on Redis, shared by every API process, so a visitor hopping between them is counted once. */
export function createRedisRateLimiter(redis: Redis, options: RedisRateLimiterOptions): RateLimiter {
  redis.defineCommand('keluhRateConsume', { lua: CONSUME });

  return {
    async consume(rules: readonly RateRule[], nowMs: number): Promise<RateDecision> {
      if (rules.length === 0) return { allowed: true };
      // Not connected: no command is sent (the connection has no offline queue), so skip the attempt.
      if (redis.status !== 'ready') return options.fallback.consume(rules, nowMs);
      const keys = rules.map((rule) => `${options.prefix}rate:${rule.key}`);
      const args = rules.flatMap((rule) => [rule.limit, rule.windowMs]);
      try {
        const [refused, waitMs] = await redis.keluhRateConsume(keys.length, ...keys, nowMs, ...args);
        return refused === 0 ? { allowed: true } : { allowed: false, key: rules[refused - 1]!.key, retryAfterMs: waitMs };
      } catch (error) {
        options.onFallback(error);
        return options.fallback.consume(rules, nowMs);
      }
    },
  };
}
