import type { ClientContext, Redis, Result } from 'ioredis';
import { AppError, type Instant, type PresenceStatus, type SettledPresence } from '@keluh/core';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    keluhPresenceSettle(settled: string, userId: string, status: string, since: string): Result<number, Context>;
  }
}

/**
 * What every process shares about a user beyond their socket counts, in three hashes keyed by user id:
 * `presence:active` (latest console activity), `presence:viewing` (the ticket open in the console) and
 * `presence:settled` (`<status>|<since>`, the effective status last announced). These outlive processes
 * on purpose: a user's status is theirs, not one process's; the sweep of any process turns a user with
 * no socket left anywhere offline.
 */
export function createRedisPresenceStatus(redis: Redis, prefix: string, onError: (error: unknown) => void) {
  const active = `${prefix}presence:active`;
  const viewing = `${prefix}presence:viewing`;
  const settled = `${prefix}presence:settled`;
  // The compare-and-set that makes one process, of several observing the same change, the one to announce it.
  redis.defineCommand('keluhPresenceSettle', {
    numberOfKeys: 1,
    lua: `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and string.sub(current, 1, string.len(ARGV[2]) + 1) == ARGV[2] .. '|' then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
return 1`,
  });

  const bestEffort = async (write: () => Promise<unknown>) => {
    if (redis.status !== 'ready') return;
    try {
      await write();
    } catch (error) {
      onError(error);
    }
  };
  const unavailable = () => new AppError('presence.unavailable', 'Presence is kept in Redis, which cannot be reached right now');
  const read = async <T>(query: () => Promise<T>): Promise<T> => {
    if (redis.status !== 'ready') throw unavailable();
    try {
      return await query();
    } catch (error) {
      onError(error);
      throw unavailable();
    }
  };

  return {
    active: (userId: number, at: Instant) => bestEffort(() => redis.hset(active, String(userId), at)),
    viewing: (userId: number, ticketId: number | null) =>
      bestEffort(() => (ticketId === null ? redis.hdel(viewing, String(userId)) : redis.hset(viewing, String(userId), String(ticketId)))),
    /** Latest activity and viewed ticket by user id. */
    async details(): Promise<{ activeAt: Map<number, Instant>; viewing: Map<number, number> }> {
      const [activeAt, viewed] = await read(() => Promise.all([redis.hgetall(active), redis.hgetall(viewing)]));
      return {
        activeAt: new Map(Object.entries(activeAt).map(([userId, at]) => [Number(userId), at])),
        viewing: new Map(Object.entries(viewed).map(([userId, ticketId]) => [Number(userId), Number(ticketId)])),
      };
    },
    async settled(): Promise<Map<number, SettledPresence>> {
      const all = await read(() => redis.hgetall(settled));
      return new Map(
        Object.entries(all).map(([userId, value]) => {
          const [status, since] = value.split('|') as [PresenceStatus, Instant];
          return [Number(userId), { status, since }];
        }),
      );
    },
    settle: async (userId: number, status: PresenceStatus, at: Instant) =>
      (await read(() => redis.keluhPresenceSettle(settled, String(userId), status, at))) === 1,
  };
}
