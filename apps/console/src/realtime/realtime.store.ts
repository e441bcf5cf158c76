import { computed, ref, watch } from 'vue';
import { defineStore } from 'pinia';
import { useApi } from '../api/use-api.ts';
import { useSessionStore } from '../features/auth/session.store.ts';
import { useTicketListStore } from '../features/inbox/ticket-list.store.ts';
import { useChannelsStore } from '../features/settings/channels.store.ts';
import { useTicketDetailStore } from '../features/ticket/ticket-detail.store.ts';
import { connectAgentSocket, type AgentSocket } from './agent-socket.ts';
import { createEventSync, StaleCursorError } from './event-sync.ts';

const SYNC_TIMEOUT_MS = 10_000;
const RETRY_REFUSED_MS = 3_000;

export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

/**
 * The one socket to `/agent`. Events go straight to the list and the open ticket (no event bus); each
 * skips what its snapshot already reflects. "connected" means synced, not merely that the socket is open.
 */
export const useRealtimeStore = defineStore('realtime', () => {
  const session = useSessionStore();
  const list = useTicketListStore();
  const detail = useTicketDetailStore();
  const channels = useChannelsStore();
  const api = useApi();

  const state = ref<ConnectionState>('idle');
  let socket: AgentSocket | null = null;

  const sync = createEventSync({
    requestSync: async (lastEventId) => {
      if (!socket) throw new Error('No socket');
      const result = await socket.timeout(SYNC_TIMEOUT_MS).emitWithAck('sync', { lastEventId });
      if (!result.ok) {
        if (result.error.details?.tooFarBehind) throw new StaleCursorError(result.error.message);
        throw new Error(`sync refused: ${result.error.code}`);
      }
      return { events: result.events, latestId: result.latestId };
    },
    dispatch: (events) => {
      list.applyEvents(events);
      detail.applyEvents(events);
      channels.applyEvents(events);
    },
    position: () => {
      const positions = [list.position, detail.position].filter((p): p is number => p !== null);
      return positions.length > 0 ? Math.min(...positions) : null;
    },
    onSynced: () => {
      if (socket?.connected) state.value = 'connected';
    },
    onStale: () => {
      void list.hydrate();
      if (detail.ticketId !== null) void detail.hydrate(detail.ticketId);
      void channels.hydrate(true);
    },
  });

  // A snapshot loaded after events streamed past it must be brought forward from its own position.
  watch(() => list.snapshot, (snap) => snap && sync.catchUp(snap.lastEventId));
  watch(() => detail.snapshot, (snap) => snap && sync.catchUp(snap.lastEventId));

  function hydrate(): void {
    if (socket || !session.isAuthenticated) return;
    state.value = 'connecting';
    const current = connectAgentSocket();
    socket = current;
    current.on('connect', () => sync.connected());
    current.on('events', (events) => events.forEach((event) => sync.event(event)));
    // Signed out elsewhere or expired: the server cuts the socket right after; back to the login page.
    current.on('session.ended', () => session.reset());
    current.on('disconnect', (reason) => {
      sync.disconnected();
      state.value = 'reconnecting';
      // The server hung up on purpose (e.g. the session ended): socket.io will not retry by itself.
      if (reason === 'io server disconnect') retryAfterCheckingSession(current);
    });
    current.on('connect_error', () => {
      state.value = state.value === 'connecting' ? 'connecting' : 'reconnecting';
      // A refusal by the server's auth middleware is final for socket.io; a network error is retried.
      if (!current.active) retryAfterCheckingSession(current);
    });
    installTestHook(current);
  }

  function retryAfterCheckingSession(target: AgentSocket): void {
    setTimeout(() => {
      if (socket !== target) return;
      // A 401 here ends the session, which stops realtime; otherwise try the socket again.
      api.me().then(
        () => socket === target && target.connect(),
        () => socket === target && setTimeout(() => socket === target && target.connect(), RETRY_REFUSED_MS),
      );
    }, RETRY_REFUSED_MS);
  }

  function reset(): void {
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
    socket = null;
    sync.disconnected();
    state.value = 'idle';
    removeTestHook();
  }

  const indicator = computed<'connected' | 'reconnecting'>(() => (state.value === 'connected' ? 'connected' : 'reconnecting'));

  return { state, indicator, hydrate, reset };
});

/**
 * For end-to-end tests and support only: `window.__keluh.dropSocket()` closes the transport as a network
 * failure would, so socket.io reconnects on its own and the resync path is exercised for real.
 */
function installTestHook(socket: AgentSocket): void {
  window.__keluh = { dropSocket: () => socket.io.engine?.close() };
}

function removeTestHook(): void {
  delete window.__keluh;
}
