import type { Instant, PresenceTracker, StaffConnection } from '@keluh/core';
import { LocalConnections } from './local-connections.ts';

/** One process, no REDIS_URL: its own sockets are everyone's, and nothing can outlive the process. */
export function createMemoryPresence(): PresenceTracker {
  const local = new LocalConnections();
  const activeAt = new Map<number, Instant>();
  const viewing = new Map<number, number>();
  return {
    async connected(userId) {
      local.add(userId);
    },
    async disconnected(userId) {
      if (local.remove(userId) === 0) viewing.delete(userId);
    },
    async active(userId, at) {
      if ((activeAt.get(userId) ?? '') < at) activeAt.set(userId, at);
    },
    async viewing(userId, ticketId) {
      if (ticketId === null) viewing.delete(userId);
      else viewing.set(userId, ticketId);
    },
    async list(): Promise<StaffConnection[]> {
      return local
        .entries()
        .sort(([a], [b]) => a - b)
        .map(([userId, connections]) => ({ userId, connections, lastActiveAt: activeAt.get(userId) ?? null, currentTicketId: viewing.get(userId) ?? null }));
    },
    async stop() {},
  };
}
