/**
 * REDIS_URL is set but Redis does not answer at start. Its own module, without ioredis, so the server's
 * start can recognise it (one paragraph, no stack trace) without loading any Redis code.
 */
export class RedisUnreachableError extends Error {
  override name = 'RedisUnreachableError';
}
