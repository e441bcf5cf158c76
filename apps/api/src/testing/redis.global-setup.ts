import type { TestProject } from 'vitest/node';

interface ThrowawayRedis {
  url: string;
  stop(): void;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Redis the tests of joined processes use: TEST_REDIS_URL, or a throwaway one for this run. */
    redisTestUrl: string;
  }
}

// The repository's script (plain JS, shared with benches and other tests), loaded by path.
const throwaway = async () =>
  (await import(new URL('../../../../scripts/services/throwaway-redis.mjs', import.meta.url).href)) as { startThrowawayRedis: () => Promise<ThrowawayRedis> };

/**
 * Global setup of the server projects: the Redis in TEST_REDIS_URL, or a throwaway redis-server from
 * Debian's package on a free loopback port, stopped at the end. Tests keep apart on it by key prefix
 * (REDIS_PREFIX), since pub/sub channels are shared by every database number.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.TEST_REDIS_URL?.trim() || undefined;
  const server = given ? null : await (await throwaway()).startThrowawayRedis();
  project.provide('redisTestUrl', given ?? server!.url);
  return () => server?.stop();
}
