import { createAdapter } from '@socket.io/redis-adapter';
import type { FastifyBaseLogger } from 'fastify';
import type { RedisConnections } from '../redis/redis-connections.ts';
import { startRedisCommitSignal, type RunningCommitSignal } from '../redis/redis-commit-signal.ts';
import type { RealtimeFeed } from './realtime-feed.ts';

/**
 * How API processes joined by REDIS_URL share the realtime layer. Two paths, on purpose:
 * - events of the log never cross through socket.io: each process emits them `local`ly from the
 *   commit-ordered log (RealtimeFeed), and a tiny commit signal tells the others to read it now;
 * - everything else aimed at sockets that may sit in another process (cutting a session's sockets on
 *   sign-out, a revoked visitor session, later presence and typing) goes through socket.io's Redis adapter.
 */
export function redisAdapter(redis: RedisConnections, prefix: string) {
  // requestsTimeout bounds how long a question to every process (who watches a ticket) waits for one that
  // is stuck or on its way out; processes on one network answer in milliseconds.
  return createAdapter(redis.publisher, redis.subscriber, { key: `${prefix}socket.io`, requestsTimeout: 1_000 });
}

export async function signalCommits(redis: RedisConnections, prefix: string, instanceId: string, feed: RealtimeFeed, log: FastifyBaseLogger): Promise<RunningCommitSignal> {
  const signal = await startRedisCommitSignal(redis.publisher, redis.subscriber, {
    channel: `${prefix}commits`,
    instanceId,
    // Already delivered up to there (the log is commit-ordered): no read needed.
    onCommittedElsewhere: (newestId) => {
      if (newestId === null || newestId > feed.position) feed.committedElsewhere();
    },
    onError: (error) => log.warn({ err: error }, 'commit signal not published'),
  });
  // Whatever committed elsewhere between the feed's start and the subscription was not heard: read once.
  feed.committedElsewhere();
  return signal;
}
