import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { AgentEvent, TicketWatchers } from '@keluh/contracts';
import { createEventSync, syncResultOf } from '@keluh/realtime-client';
import { connectAgentSocket, type AgentSocket } from './agent-socket.ts';
import { createLiveConsumers, type LiveConsumer } from './live-consumers.ts';
import { createTicketWatches } from './ticket-watches.ts';

const SYNC_TIMEOUT_MS = 10_000;
const RETRY_REFUSED_MS = 3_000;

export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

/** How the realtime layer learns about the session without knowing the session store. */
export interface SessionHooks {
  /** Resolves while the session holds; a refusal ends it (the API client's 401 handling does that). */
  check(): Promise<unknown>;
  /** The server said the session ended (signed out elsewhere, expired). */
  ended(): void;
}

export interface LiveSubscription {
  /** A snapshot at `lastEventId` was just loaded: replay what streamed past it meanwhile, if anything. */
  loaded(lastEventId: number): void;
  stop(): void;
}

/**
 * The one socket to `/agent`. Features subscribe (`useLiveEvents`) with their event handler, their
 * position and how to reload; this store knows none of them. "connected" means synced, not merely that
 * the socket is open.
 */
export const useRealtimeStore = defineStore('realtime', () => {
  const consumers = createLiveConsumers();
  const state = ref<ConnectionState>('idle');
  let socket: AgentSocket | null = null;
  const watches = createTicketWatches(() => (socket?.connected ? socket : null));

  const sync = createEventSync<AgentEvent>({
    requestSync: async (lastEventId) => {
      if (!socket) throw new Error('No socket');
      return syncResultOf(await socket.timeout(SYNC_TIMEOUT_MS).emitWithAck('sync', { lastEventId }));
    },
    dispatch: (events) => consumers.dispatch(events),
    position: () => consumers.position(),
    onSynced: () => {
      if (socket?.connected) state.value = 'connected';
    },
    onStale: () => consumers.reloadAll(),
  });

  function subscribe(consumer: LiveConsumer): LiveSubscription {
    const remove = consumers.add(consumer);
    return { loaded: (lastEventId) => sync.catchUp(lastEventId), stop: remove };
  }

  function hydrate(session: SessionHooks): void {
    if (socket) return;
    state.value = 'connecting';
    const current = connectAgentSocket();
    socket = current;
    current.on('connect', () => {
      sync.connected();
      watches.connected();
    });
    current.on('events', (events) => events.forEach((event) => sync.event(event)));
    current.on('ticket.watchers', (watchers) => watches.pushed(watchers));
    // Signed out elsewhere or expired: the server cuts the socket right after; back to the login page.
    current.on('session.ended', () => session.ended());
    current.on('disconnect', (reason) => {
      sync.disconnected();
      state.value = 'reconnecting';
      // The server hung up on purpose (e.g. the session ended): socket.io will not retry by itself.
      if (reason === 'io server disconnect') retryAfterCheckingSession(current, session);
    });
    current.on('connect_error', () => {
      state.value = state.value === 'connecting' ? 'connecting' : 'reconnecting';
      // A refusal by the server's auth middleware is final for socket.io; a network error is retried.
      if (!current.active) retryAfterCheckingSession(current, session);
    });
  }

  function retryAfterCheckingSession(target: AgentSocket, session: SessionHooks): void {
    setTimeout(() => {
      if (socket !== target) return;
      // A 401 here ends the session, which stops realtime; otherwise try the socket again.
      session.check().then(
        () => socket === target && target.connect(),
        () => socket === target && setTimeout(() => socket === target && target.connect(), RETRY_REFUSED_MS),
      );
    }, RETRY_REFUSED_MS);
  }

  /** Closes the socket; subscriptions stay, as the features outlive a sign-out. */
  function reset(): void {
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
    socket = null;
    sync.disconnected();
    state.value = 'idle';
  }

  /** Tells the server the person at the console is active (presence: idle → away); dropped while offline. */
  function reportActivity(): void {
    if (socket?.connected) socket.emit('presence.activity', {}, () => undefined);
  }

  const indicator = computed<'connected' | 'reconnecting'>(() => (state.value === 'connected' ? 'connected' : 'reconnecting'));

  return {
    state,
    indicator,
    hydrate,
    reset,
    subscribe,
    reportActivity,
    watchTicket: watches.watch,
    unwatchTicket: watches.unwatch,
    onWatchers: (listener: (watchers: TicketWatchers) => void) => watches.listen(listener),
  };
});
