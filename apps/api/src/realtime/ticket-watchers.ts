import { AppError } from '@keluh/core';
import type { TicketViewer } from '@keluh/contracts';
import type { AgentNamespace, AgentSocket } from './agent.namespace.ts';
import { hasLocalSockets } from './local-room.ts';
import { foldViewers, type WatchEntry } from './ticket-viewers.ts';
import { createWatchersCluster, type WatchersClusterOptions } from './watchers-cluster.ts';

export const watchRoom = (ticketId: number) => `watch:${ticketId}`;
const ROOM_PREFIX = 'watch:';

/** A console shows one ticket per tab; more than this on one socket is not a console. */
export const MAX_WATCHED_PER_SOCKET = 10;

export interface TicketWatchersOptions extends Pick<WatchersClusterOptions, 'joined' | 'canReachOthers' | 'onError'> {
  /** Typing lapses this long after the last `typing: true`. */
  typingMs: number;
  /** How often each process asks again about the tickets its sockets watch (joined only). */
  sweepMs: number;
  now(): string;
}

interface LocalWatch {
  since: string;
  typing: boolean;
  typingTimer: NodeJS.Timeout | null;
}

export type TicketWatchersService = ReturnType<typeof createTicketWatchers>;

/**
 * Who has which ticket open, across processes, without storing anything: each process knows only its
 * own sockets' watches (in memory, gone with the socket) and asks the others over the Redis adapter
 * (`watchers.list`, answered from their memory) when it needs the whole list. A process that dies
 * drops out of that question at once (its Redis subscription goes with it); the sweep notices and
 * pushes the shorter list.
 *
 * Every process pushes `ticket.watchers` only to its own sockets. Changes elsewhere arrive as a
 * `watchers.changed` signal, after which the process asks again. Asks for one ticket never overlap
 * in a process: a change during one runs another after it, so the last list pushed was gathered
 * after the last change was made, whatever order the answers of overlapping asks would have come in.
 */
export function createTicketWatchers(namespace: AgentNamespace, options: TicketWatchersOptions) {
  const sockets = new Map<string, { socket: AgentSocket; tickets: Map<number, LocalWatch> }>();
  const asking = new Map<number, { again: boolean }>();
  const lastPushed = new Map<number, string>();

  function localEntries(ticketId: number): WatchEntry[] {
    const ids = namespace.adapter.rooms.get(watchRoom(ticketId)) ?? new Set<string>();
    return [...ids].flatMap((id) => {
      const held = sockets.get(id);
      const watch = held?.tickets.get(ticketId);
      if (!held || !watch) return [];
      return [{ userId: held.socket.data.user.id, name: held.socket.data.user.name, typing: watch.typing, since: watch.since }];
    });
  }

  async function gather(ticketId: number): Promise<TicketViewer[]> {
    const local = localEntries(ticketId);
    return foldViewers([...local, ...(await cluster.ask(ticketId))]);
  }

  function refresh(ticketId: number): void {
    const running = asking.get(ticketId);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: true };
    asking.set(ticketId, state);
    void (async () => {
      try {
        while (state.again) {
          state.again = false;
          const room = watchRoom(ticketId);
          if (!hasLocalSockets(namespace, room)) {
            lastPushed.delete(ticketId);
            continue;
          }
          const viewers = await gather(ticketId);
          const shown = JSON.stringify(viewers);
          if (lastPushed.get(ticketId) === shown) continue;
          lastPushed.set(ticketId, shown);
          namespace.local.to(room).emit('ticket.watchers', { ticketId, viewers });
        }
      } catch (error) {
        options.onError(error);
      } finally {
        asking.delete(ticketId);
      }
    })();
  }

  function changed(ticketId: number): void {
    refresh(ticketId);
    cluster.signal(ticketId);
  }

  function armTyping(ticketId: number, watch: LocalWatch): void {
    if (watch.typingTimer) clearTimeout(watch.typingTimer);
    watch.typingTimer = null;
    if (!watch.typing) return;
    watch.typingTimer = setTimeout(() => {
      watch.typingTimer = null;
      watch.typing = false;
      changed(ticketId);
    }, options.typingMs);
    watch.typingTimer.unref();
  }

  const cluster = createWatchersCluster(namespace, { ...options, localEntries, onChanged: refresh });
  const sweep = options.joined
    ? setInterval(() => {
        for (const room of namespace.adapter.rooms.keys()) if (room.startsWith(ROOM_PREFIX)) refresh(Number(room.slice(ROOM_PREFIX.length)));
      }, options.sweepMs)
    : null;
  sweep?.unref();

  return {
    isWatching: (socket: AgentSocket, ticketId: number) => sockets.get(socket.id)?.tickets.has(ticketId) ?? false,

    /** Opens (or refreshes) the socket's watch; the caller has checked that the user may see the ticket. */
    async watch(socket: AgentSocket, ticketId: number, typing: boolean): Promise<TicketViewer[]> {
      // It may have gone while the caller checked the ticket: nothing must outlive a closed socket.
      if (!socket.connected) return [];
      const held = sockets.get(socket.id) ?? { socket, tickets: new Map<number, LocalWatch>() };
      let watch = held.tickets.get(ticketId);
      if (!watch && held.tickets.size >= MAX_WATCHED_PER_SOCKET) {
        throw new AppError('ticket.watch_limit', `One connection watches at most ${MAX_WATCHED_PER_SOCKET} tickets at once`, { max: MAX_WATCHED_PER_SOCKET });
      }
      const isNew = !watch;
      const typingChanged = watch !== undefined && watch.typing !== typing;
      watch ??= { since: options.now(), typing, typingTimer: null };
      watch.typing = typing;
      held.tickets.set(ticketId, watch);
      sockets.set(socket.id, held);
      armTyping(ticketId, watch);
      if (isNew) await socket.join(watchRoom(ticketId));
      if (isNew || typingChanged) changed(ticketId);
      return gather(ticketId);
    },

    unwatch(socket: AgentSocket, ticketId: number): void {
      const held = sockets.get(socket.id);
      const watch = held?.tickets.get(ticketId);
      if (!held || !watch) return;
      if (watch.typingTimer) clearTimeout(watch.typingTimer);
      held.tickets.delete(ticketId);
      if (held.tickets.size === 0) sockets.delete(socket.id);
      void socket.leave(watchRoom(ticketId));
      changed(ticketId);
    },

    /** socket.io has taken the socket out of its rooms by now. */
    disconnected(socket: AgentSocket): void {
      const held = sockets.get(socket.id);
      if (!held) return;
      sockets.delete(socket.id);
      for (const [ticketId, watch] of held.tickets) {
        if (watch.typingTimer) clearTimeout(watch.typingTimer);
        changed(ticketId);
      }
    },

    /**
     * This process leaves: its watches end now, and the others hear it at once rather than at their
     * next sweep (the console reconnects elsewhere and watches again there).
     */
    stop(): void {
      if (sweep) clearInterval(sweep);
      const watched = new Set<number>();
      for (const held of sockets.values()) {
        for (const [ticketId, watch] of held.tickets) {
          if (watch.typingTimer) clearTimeout(watch.typingTimer);
          watched.add(ticketId);
        }
      }
      sockets.clear();
      cluster.leave(watched);
    },
  };
}
