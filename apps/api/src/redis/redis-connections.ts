import { Redis, type RedisOptions } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import { RedisUnreachableError } from './redis-unreachable.error.ts';

/**
 * The three connections one API process keeps to Redis when REDIS_URL is set. ioredis, not node-redis:
 * @fastify/rate-limit's Redis store works only with ioredis (it defines its script with defineCommand),
 * and @socket.io/redis-adapter takes it as well, so one client library serves all three uses. Every
 * connection reconnects by itself, forever, with a back-off capped at 2 s.
 */
export interface RedisConnections {
  /**
   * Rate limits and presence. Fails fast while Redis is away (no offline queue, a command timeout): a
   * request must not hang on a limit check; callers fall back to per-process counters or answer 503.
   */
  commands: Redis;
  /**
   * socket.io adapter broadcasts and the commit signal. Commands wait out an outage in the offline queue
   * and never reject for it: the adapter publishes without handling a rejection, which would otherwise
   * be an unhandled one that ends the process.
   */
  publisher: Redis;
  /** In subscriber mode: the adapter's channels and the commit signal's (the adapter ignores others). */
  subscriber: Redis;
  close(): Promise<void>;
}

/** redis://user:secret@host → redis://user:***@host, for logs and start errors. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparsable URL)';
  }
}

const retryStrategy = (times: number) => Math.min(times * 50, 2_000);

/** QUIT lets what was already sent finish; a client that is away (or does not answer) is dropped. */
async function closeClient(client: Redis): Promise<void> {
  if (client.status === 'end' || client.status === 'wait') return;
  const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
  if (client.status === 'ready') client.quit().catch(() => client.disconnect());
  else client.disconnect();
  await Promise.race([ended, new Promise<void>((resolve) => setTimeout(resolve, 1_000).unref())]);
  // Read again: the status has moved on while we waited.
  if ((client.status as string) !== 'end') client.disconnect();
}

/**
 * Opens the connections and waits until all three are ready: a process that cannot reach Redis at start
 * refuses to start (rather than running as an island that other processes cannot hear). After that an
 * outage is survived: see the callers for what each does meanwhile.
 */
export async function connectRedis(url: string, log: FastifyBaseLogger): Promise<RedisConnections> {
  const shared: RedisOptions = { lazyConnect: true, retryStrategy, connectTimeout: 5_000 };
  const commands = new Redis(url, { ...shared, connectionName: 'keluh-commands', enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_000 });
  const publisher = new Redis(url, { ...shared, connectionName: 'keluh-publisher', maxRetriesPerRequest: null });
  const subscriber = new Redis(url, { ...shared, connectionName: 'keluh-subscriber', maxRetriesPerRequest: null });
  const all = [commands, publisher, subscriber];

  // One warning per outage and connection, not one per retry; and a line when it is back.
  for (const client of all) {
    let down = false;
    const name = client.options.connectionName;
    client.on('error', (error: Error) => {
      if (down) return;
      down = true;
      log.warn({ err: error, redis: redactRedisUrl(url), connection: name }, 'Redis unreachable; reconnecting');
    });
    client.on('ready', () => {
      if (!down) return;
      down = false;
      log.info({ connection: name }, 'Redis reachable again');
    });
  }

  try {
    await Promise.all(all.map((client) => client.connect()));
  } catch (error) {
    all.forEach((client) => client.disconnect());
    throw new RedisUnreachableError(`Redis at ${redactRedisUrl(url)} cannot be reached: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  log.info({ redis: redactRedisUrl(url) }, 'joined to the other API processes through Redis');
  return {
    commands,
    publisher,
    subscriber,
    async close() {
      await Promise.all(all.map(closeClient));
    },
  };
}
