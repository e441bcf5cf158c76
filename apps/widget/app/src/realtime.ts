import type { Socket } from 'socket.io-client';
import type {
  SOCKET_PATH as ContractSocketPath,
  SocketError,
  VISITOR_NAMESPACE as ContractVisitorNamespace,
  VisitorClientToServer,
  VisitorEvent,
  VisitorReceipt,
  VisitorReviewAnswer,
  VisitorReviewDto,
  VisitorSend,
  VisitorServerToClient,
  WidgetMessageDto,
} from '@keluh/contracts';
import { createEventSync, syncResultOf } from '@keluh/realtime-client';

/*
 * The /visitor socket. Every (re)connect starts with `sync` from the last applied event id; the shared
 * event sync (@keluh/realtime-client, the console's too) holds live events back while that ack is
 * pending and releases them with the replay, so nothing is applied twice or out of order. Only after
 * the sync is the connection "ready" for sends.
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

export type AnswerResult = { kind: 'ok'; review: VisitorReviewDto } | { kind: 'rejected'; error: SocketError } | { kind: 'lost' };

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
  /** The server cannot replay from our position (too far behind, or its log went backwards): reload the history. */
  onStale(): void;
}

export interface RealtimeOptions {
  ackTimeoutMs?: number;
  /** Wait after a failed sync, doubled after each further failure while the connection lasts. */
  syncRetryMs?: number;
}

export interface Realtime {
  readonly ready: boolean;
  /** The history was reloaded at `lastEventId`: replay what streamed past it meanwhile, if anything. */
  catchUp(lastEventId: number): void;
  send(request: VisitorSend): Promise<SendResult>;
  receipt(request: VisitorReceipt): Promise<boolean>;
  /** Stars, comment and consent for a review; the ack carries the review as it now stands. */
  answerReview(request: VisitorReviewAnswer): Promise<AnswerResult>;
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

  const sync = createEventSync<VisitorEvent>({
    requestSync: (lastEventId) =>
      new Promise((resolve, reject) => {
        socket.timeout(ackTimeoutMs).emit('sync', { lastEventId }, (error, reply) => {
          if (error) return reject(error);
          try {
            resolve(syncResultOf(reply));
          } catch (refusal) {
            reject(refusal);
          }
        });
      }),
    dispatch: (events) => hooks.onEvents(events),
    position: () => hooks.lastEventId(),
    onSynced: () => {
      if (!socket.connected) return;
      ready = true;
      hooks.onState('connected');
      hooks.onReady();
    },
    onStale: () => hooks.onStale(),
    retry: { firstMs: syncRetryMs, maxMs: 30_000 },
  });

  const onConnect = () => {
    everConnected = true;
    ready = false;
    sync.connected();
  };
  const onEvents = (events: VisitorEvent[]) => events.forEach((event) => sync.event(event));
  const onDisconnect = (reason: string) => {
    ready = false;
    sync.disconnected();
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
    answerReview(request) {
      if (!ready || !socket.connected) return Promise.resolve({ kind: 'lost' });
      return new Promise((resolve) => {
        socket.timeout(ackTimeoutMs).emit('review.answer', request, (error, reply) => {
          if (error) {
            resolve(socket.connected ? { kind: 'rejected', error: { code: TIMEOUT_CODE, message: 'The server did not answer in time' } } : { kind: 'lost' });
          } else if (reply.ok) resolve({ kind: 'ok', review: reply.review });
          else resolve({ kind: 'rejected', error: reply.error });
        });
      });
    },
    catchUp(lastEventId) {
      sync.catchUp(lastEventId);
    },
    reconnect() {
      if (!socket.connected) socket.connect();
    },
    close() {
      sync.disconnected();
      socket.off('connect', onConnect);
      socket.off('events', onEvents);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.disconnect();
    },
  };
}
