import type { FastifyBaseLogger } from 'fastify';
import type { PresenceTracker, RateLimiter } from '@keluh/core';
import type { Config } from '../config/config.ts';
import type { RedisConnections } from '../redis/redis-connections.ts';
import { createMemoryRateLimiter } from '../rate-limit/memory-rate-limiter.ts';
import { createMemoryPresence } from '../presence/memory-presence.ts';

/** What API processes must agree on: rate-limit counters and presence; the connections when joined. */
export interface SharedState {
  /** Null without REDIS_URL: then nothing below touches Redis. */
  redis: RedisConnections | null;
  rateLimiter: RateLimiter;
  presence: PresenceTracker;
  close(): Promise<void>;
}

/**
 * In memory for one process; in Redis when REDIS_URL is set. The Redis modules are loaded only then, so
 * a single process neither loads a Redis client nor tries a connection.
 */
export async function openSharedState(config: Config, instanceId: string, log: FastifyBaseLogger): Promise<SharedState> {
  if (!config.REDIS_URL) {
    const presence = createMemoryPresence();
    return { redis: null, rateLimiter: createMemoryRateLimiter(), presence, close: () => presence.stop() };
  }
  const [{ connectRedis }, { createRedisRateLimiter }, { createRedisPresence }] = await Promise.all([
    import('../redis/redis-connections.ts'),
    import('../rate-limit/redis-rate-limiter.ts'),
    import('../presence/redis-presence.ts'),
  ]);
  const redis = await connectRedis(config.REDIS_URL, log);
  const rateLimiter = createRedisRateLimiter(redis.commands, {
    prefix: config.REDIS_PREFIX,
    fallback: createMemoryRateLimiter(),
    onFallback: (error) => log.warn({ err: error }, 'rate limit counted in this process only: Redis did not answer'),
  });
  const presence = createRedisPresence(redis.commands, {
    prefix: config.REDIS_PREFIX,
    instanceId,
    ttlMs: config.PRESENCE_TTL,
    onError: (error) => log.warn({ err: error }, 'presence not written to Redis; the next heartbeat retries'),
  });
  return {
    redis,
    rateLimiter,
    presence,
    async close() {
      await presence.stop();
      await redis.close();
    },
  };
}
