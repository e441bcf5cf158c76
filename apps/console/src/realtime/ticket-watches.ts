import type { TicketWatchers } from '@keluh/contracts';
import type { AgentSocket } from './agent-socket.ts';

const WATCH_TIMEOUT_MS = 5_000;

/**
 * The tickets this tab has open (and whether the agent is typing there), told to the server over the one
 * socket. A watch lives in the server's memory for the connection only, so every (re)connect says them
 * all again. Lists arrive two ways: pushed on every change, and in the answer to a watch; an answer that
 * comes back after a push for the same ticket is older than it and is dropped.
 */
export function createTicketWatches(openSocket: () => AgentSocket | null) {
  const watched = new Map<number, boolean>();
  const pushes = new Map<number, number>();
  const listeners = new Set<(watchers: TicketWatchers) => void>();

  const deliver = (watchers: TicketWatchers) => listeners.forEach((listener) => listener(watchers));

  function send(ticketId: number, typing: boolean): void {
    const socket = openSocket();
    if (!socket) return;
    const pushedBefore = pushes.get(ticketId) ?? 0;
    socket
      .timeout(WATCH_TIMEOUT_MS)
      .emitWithAck('ticket.watch', { ticketId, typing })
      .then((answer) => {
        if (answer.ok && watched.has(ticketId) && (pushes.get(ticketId) ?? 0) === pushedBefore) deliver({ ticketId, viewers: answer.viewers });
      })
      // Who else is looking is a courtesy: a lost answer is corrected by the next push or reconnect.
      .catch(() => undefined);
  }

  return {
    watch(ticketId: number, typing: boolean): void {
      watched.set(ticketId, typing);
      send(ticketId, typing);
    },
    unwatch(ticketId: number): void {
      if (!watched.delete(ticketId)) return;
      pushes.delete(ticketId);
      openSocket()?.emit('ticket.unwatch', { ticketId }, () => undefined);
    },
    connected(): void {
      for (const [ticketId, typing] of watched) send(ticketId, typing);
    },
    pushed(watchers: TicketWatchers): void {
      if (!watched.has(watchers.ticketId)) return;
      pushes.set(watchers.ticketId, (pushes.get(watchers.ticketId) ?? 0) + 1);
      deliver(watchers);
    },
    listen(listener: (watchers: TicketWatchers) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
