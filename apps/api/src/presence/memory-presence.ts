import type { PresenceTracker, StaffPresence } from '@keluh/core';
import { LocalConnections } from './local-connections.ts';

/** One process, no REDIS_URL: its own sockets are everyone's, and nothing can outlive the process. */
export function createMemoryPresence(): PresenceTracker {
  const local = new LocalConnections();
  return {
    async connected(userId) {
      local.add(userId);
    },
    async disconnected(userId) {
      local.remove(userId);
    },
    async list(): Promise<StaffPresence[]> {
      return local
        .entries()
        .sort(([a], [b]) => a - b)
        .map(([userId, connections]) => ({ userId, status: 'online', connections }));
    },
    async stop() {},
  };
}
