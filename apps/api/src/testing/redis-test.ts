import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Config } from '../config/config.ts';

/** Where the global setup's Redis is (TEST_REDIS_URL or a throwaway server). */
export function testRedisUrl(): string {
  const url = inject('redisTestUrl');
  if (!url) throw new Error('No test Redis: run this test in the `server` or `server-pg` Vitest project, whose global setup starts one');
  return url;
}

/** A key prefix no other test shares: apps built with the same one are "processes of one installation". */
export function uniqueRedisPrefix(): string {
  return `keluh-test-${randomBytes(5).toString('hex')}:`;
}

/** Settings joining apps through the test Redis; pass the same object to each app of one installation. */
export function joinedConfig(overrides: Partial<Config> = {}): Partial<Config> {
  return { REDIS_URL: testRedisUrl(), REDIS_PREFIX: uniqueRedisPrefix(), ...overrides };
}

interface Throwaway {
  url: string;
  port: number;
  stop(): void;
}
type StartThrowaway = (options?: { port?: number }) => Promise<Throwaway>;

const throwaway = async () =>
  ((await import(new URL('../../../../scripts/services/throwaway-redis.mjs', import.meta.url).href)) as { startThrowawayRedis: StartThrowaway }).startThrowawayRedis;

export interface OwnRedis {
  url: string;
  /** Kills the server as a crash would (SIGKILL, nothing kept) and starts an empty one on the same port. */
  restart(options?: { downForMs?: number }): Promise<void>;
  kill(): void;
  start(): Promise<void>;
  stop(): void;
}

/** A Redis of this test's own, for outages: the shared one must not go down under other tests. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const start = await throwaway();
  let server: Throwaway | null = await start();
  const { url, port } = server;
  const kill = () => {
    server?.stop();
    server = null;
  };
  const startAgain = async () => {
    server = await start({ port });
  };
  return {
    url,
    kill,
    start: startAgain,
    async restart({ downForMs = 300 } = {}) {
      kill();
      await new Promise((resolve) => setTimeout(resolve, downForMs));
      await startAgain();
    },
    stop: kill,
  };
}
