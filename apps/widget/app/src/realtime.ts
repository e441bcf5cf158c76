import type { Socket } from 'socket.io-client';
import type {
  SOCKET_PATH as ContractSocketPath,
  SocketError,
  VISITOR_NAMESPACE as ContractVisitorNamespace,
  VisitorClientToServer,
  VisitorEvent,
  VisitorReceipt,
  VisitorSend,
  VisitorServerToClient,
  WidgetMessageDto,
} from '@keluh/contracts';
import { mergeSyncEvents } from './conversation.ts';

/*
 * The /visitor socket. Every (re)connect starts with `sync` from the last applied event id; live events
 * that arrive while that ack is pending are buffered and merged with the replay, so nothing is applied
 * twice or out of order. Only after the sync is the connection "ready" for sends.
 */

// Typed as the contracts' literals, so a change there fails the type check; importing the values would
// drag every zod schema of @keluh/contracts into the widget bundle (~100 kB), as they are not tree-shakable.
export const VISITOR_NAMESPACE: typeof ContractVisitorNamespace = '/visitor';
export const SOCKET_PATH: typeof ContractSocketPath = '/socket.io';

export type VisitorSocket = Socket<VisitorServerToClient, VisitorClientToServer>;
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export type SendResult =
  | { kind: 'ok'; message: WidgetMessageDto; duplicate: boolean }
  | { kind: 'rejected'; error: SocketError }
  /** The connection dropped before the ack: the send must be retried after the next sync. */
  | { kind: 'lost' };

export interface RealtimeHooks {
  lastEventId(): number;
  onEvents(events: VisitorEvent[]): void;
  onState(state: ConnectionState): void;
  /** Synced and safe to send: flush queued messages. */
  onReady(): void;
  /** In-flight sends will never be acked on this connection. */
  onDisconnect(): void;
  /** The handshake refused our token (expired, revoked, forged); the socket stays down until `reconnect()`. */
  onAuthRejected(code: string): void;
}

export interface RealtimeOptions {
  ackTimeoutMs?: number;
  syncRetryMs?: number;
}

export interface Realtime {
  readonly ready: boolean;
  send(request: VisitorSend): Promise<SendResult>;
  receipt(request: VisitorReceipt): Promise<boolean>;
  reconnect(): void;
  close(): void;
}

export const TIMEOUT_CODE = 'widget.timeout';

const AUTH_CODES = new Set(['widget.invalid_visitor_token', 'widget.token_expired', 'widget.token_revoked']);

/** The handshake's refusal code, when the server refused our token (socket.io puts it in `data`). */
const authErrorCode = (error: Error & { data?: { code?: string } }): string | null => {
  const code = error.data?.code ?? error.message;
  return AUTH_CODES.has(code) ? code : null;
};

export function connectRealtime(socket: VisitorSocket, hooks: RealtimeHooks, options: RealtimeOptions = {}): Realtime {
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  const syncRetryMs = options.syncRetryMs ?? 2_000;
  let ready = false;
  let everConnected = false;
  // Bumped on every connect/disconnect so a late sync reply from an old connection is ignored.
  let generation = 0;
  let buffer: VisitorEvent[] = [];
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const sync = (gen: number) => {
    socket.timeout(ackTimeoutMs).emit('sync', { lastEventId: hooks.lastEventId() }, (error, reply) => {
      if (gen !== generation) return;
      if (error || !reply.ok) {
        retryTimer = setTimeout(() => gen === generation && sync(gen), syncRetryMs);
        return;
      }
      const events = mergeSyncEvents(reply.events, buffer, hooks.lastEventId());
      buffer = [];
      ready = true;
      if (events.length > 0) hooks.onEvents(events);
      hooks.onState('connected');
      hooks.onReady();
    });
  };

  const onConnect = () => {
    generation += 1;
    everConnected = true;
    ready = false;
    buffer = [];
    sync(generation);
  };
  const onEvents = (events: VisitorEvent[]) => {
    if (ready) hooks.onEvents(events);
    else buffer.push(...events);
  };
  const onDisconnect = (reason: string) => {
    generation += 1;
    ready = false;
    buffer = [];
    clearTimeout(retryTimer);
    hooks.onState(everConnected ? 'reconnecting' : 'connecting');
    hooks.onDisconnect();
    // socket.io does not reconnect by itself after a server-side disconnect (a deploy, a kicked socket).
    if (reason === 'io server disconnect') socket.connect();
  };
  const onConnectError = (error: Error) => {
    hooks.onState(everConnected ? 'reconnecting' : 'connecting');
    const code = authErrorCode(error);
    if (code) hooks.onAuthRejected(code);
    else if (!socket.active) setTimeout(() => socket.connect(), syncRetryMs);
  };

  socket.on('connect', onConnect);
  socket.on('events', onEvents);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onConnectError);
  if (socket.connected) onConnect();

  return {
    // `connected` too: socket.io settles pending acks before it emits `disconnect`.
    get ready() {
      return ready && socket.connected;
    },
    send(request) {
      if (!ready || !socket.connected) return Promise.resolve({ kind: 'lost' });
      return new Promise((resolve) => {
        socket.timeout(ackTimeoutMs).emit('message.send', request, (error, reply) => {
          if (error) {
            resolve(
              socket.connected
                ? { kind: 'rejected', error: { code: TIMEOUT_CODE, message: 'The server did not answer in time' } }
                : { kind: 'lost' },
            );
          } else if (reply.ok) resolve({ kind: 'ok', message: reply.message, duplicate: reply.duplicate });
          else resolve({ kind: 'rejected', error: reply.error });
        });
      });
    },
    receipt(request) {
      if (!ready || !socket.connected) return Promise.resolve(false);
      return new Promise((resolve) => {
        socket.timeout(ackTimeoutMs).emit('message.receipt', request, (error, reply) => resolve(!error && reply.ok));
      });
    },
    reconnect() {
      if (!socket.connected) socket.connect();
    },
    close() {
      generation += 1;
      clearTimeout(retryTimer);
      socket.off('connect', onConnect);
      socket.off('events', onEvents);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.disconnect();
    },
  };
}
