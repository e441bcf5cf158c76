import type { Redis } from 'ioredis';
import { AppError, type Instant } from '@keluh/core';

/**
 * What every process shares about a user beyond their socket counts, in two hashes keyed by user id:
 * `presence:active` (latest console activity) and `presence:viewing` (the ticket open in the console).
 * They outlive processes on purpose: activity is the user's, not one process's.
 */
export function createRedisPresenceStatus(redis: Redis, prefix: string, onError: (error: unknown) => void) {
  const active = `${prefix}presence:active`;
  const viewing = `${prefix}presence:viewing`;

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
  };
}
