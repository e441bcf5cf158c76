import type { ClientContext, Redis, Result } from 'ioredis';
import { AppError, type PresenceTracker, type StaffConnection } from '@keluh/core';
import { LocalConnections } from './local-connections.ts';
import { createRedisPresenceStatus } from './redis-presence-status.ts';

// The scripts defined below, typed on the client and in MULTI (ioredis's way for custom commands).
declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    keluhPresenceList(processes: string, processPrefix: string): Result<string[], Context>;
    keluhPresencePrune(processes: string, processPrefix: string): Result<number, Context>;
  }
}

export interface RedisPresenceOptions {
  /** REDIS_PREFIX. */
  prefix: string;
  /** This process (its worker id): names the hash holding its connections. */
  instanceId: string;
  /** How long this process's entries live without a heartbeat (PRESENCE_TTL). */
  ttlMs: number;
  onError(error: unknown): void;
}

/**
 * Every process owns one hash, `<prefix>presence:process:<instance>` = { userId: open sockets here },
 * which expires `ttlMs` after the last write, plus its name in the set `<prefix>presence:processes`.
 * A process that dies without a word (SIGKILL) stops writing, and its hash runs out: nobody has to
 * notice the death. Reading sums the hashes of the processes in the set and drops the ones that ran out.
 *
 * This process's own counts live in memory and are the truth; Redis holds a copy. A change writes the
 * user's new count (an absolute value, so a repeat is harmless), and every heartbeat (a third of the
 * TTL) rewrites the whole hash, which also restores it after Redis restarted empty or was unreachable
 * when a change happened. All writes go over one connection in order, so the copy converges.
 */
export function createRedisPresence(redis: Redis, options: RedisPresenceOptions): PresenceTracker {
  const local = new LocalConnections();
  const processes = `${options.prefix}presence:processes`;
  const processPrefix = `${options.prefix}presence:process:`;
  const own = `${processPrefix}${options.instanceId}`;

  // One round trip, and atomic: a process whose hash is found gone cannot re-register between the read
  // and its removal from the set. The hash names are built in the script (standalone Redis, not Cluster).
  redis.defineCommand('keluhPresenceList', {
    numberOfKeys: 1,
    lua: `
local found = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local entries = redis.call('HGETALL', ARGV[1] .. id)
  if #entries == 0 then
    redis.call('SREM', KEYS[1], id)
  else
    for i = 1, #entries do found[#found + 1] = entries[i] end
  end
end
return found`,
  });
  // Dead processes leave their name in the set when nobody lists for a while; every heartbeat sweeps them.
  redis.defineCommand('keluhPresencePrune', {
    numberOfKeys: 1,
    lua: `
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('EXISTS', ARGV[1] .. id) == 0 then redis.call('SREM', KEYS[1], id) end
end
return 0`,
  });

  const write = async (build: (multi: ReturnType<Redis['multi']>) => void): Promise<void> => {
    // Away: nothing is sent (no offline queue); the heartbeat after the reconnect writes the whole state.
    if (redis.status !== 'ready') return;
    const multi = redis.multi();
    build(multi);
    try {
      await multi.exec();
    } catch (error) {
      options.onError(error);
    }
  };

  const heartbeat = () =>
    write((multi) => {
      multi.del(own);
      if (local.size === 0) multi.srem(processes, options.instanceId);
      else multi.hset(own, Object.fromEntries(local.entries())).pexpire(own, options.ttlMs).sadd(processes, options.instanceId);
      multi.keluhPresencePrune(processes, processPrefix);
    });

  const writeCount = (userId: number, count: number) =>
    write((multi) => {
      if (count === 0) multi.hdel(own, String(userId));
      else multi.hset(own, String(userId), count);
      multi.pexpire(own, options.ttlMs).sadd(processes, options.instanceId);
    });

  const timer = setInterval(() => void heartbeat(), Math.max(100, Math.floor(options.ttlMs / 3)));
  timer.unref();
  const onReady = () => void heartbeat();
  redis.on('ready', onReady);

  const status = createRedisPresenceStatus(redis, options.prefix, options.onError);

  return {
    connected: (userId) => writeCount(userId, local.add(userId)),
    disconnected: (userId) => writeCount(userId, local.remove(userId)),
    active: status.active,
    viewing: status.viewing,
    async list(): Promise<StaffConnection[]> {
      if (redis.status !== 'ready') throw new AppError('presence.unavailable', 'Presence is kept in Redis, which cannot be reached right now');
      let flat: string[];
      try {
        flat = await redis.keluhPresenceList(processes, processPrefix);
      } catch (error) {
        options.onError(error);
        throw new AppError('presence.unavailable', 'Presence could not be read from Redis');
      }
      const totals = new Map<number, number>();
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const userId = Number(flat[i]);
        totals.set(userId, (totals.get(userId) ?? 0) + Number(flat[i + 1]));
      }
      const { activeAt, viewing } = await status.details();
      return [...totals]
        .filter(([, connections]) => connections > 0)
        .sort(([a], [b]) => a - b)
        .map(([userId, connections]) => ({ userId, connections, lastActiveAt: activeAt.get(userId) ?? null, currentTicketId: viewing.get(userId) ?? null }));
    },
    async stop() {
      clearInterval(timer);
      redis.off('ready', onReady);
      await write((multi) => multi.del(own).srem(processes, options.instanceId));
    },
  };
}
