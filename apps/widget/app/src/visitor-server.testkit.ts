import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { io } from 'socket.io-client';
import type { VisitorClientToServer, VisitorEvent, VisitorReviewAnswer, VisitorServerToClient, WidgetMessageDto } from '@keluh/contracts';
import { SOCKET_PATH, VISITOR_NAMESPACE, type VisitorSocket } from './realtime.ts';

type Ack<E extends keyof VisitorClientToServer> = Parameters<VisitorClientToServer[E]>[1];

export interface PendingSync {
  lastEventId: number;
  accept(events: VisitorEvent[], latestId: number): void;
}

/**
 * A real socket.io server on loopback speaking the `/visitor` event map, whose answers the test writes:
 * the widget's realtime code runs against the actual socket.io client and server, with the test deciding
 * when a `sync` is answered and what is pushed meanwhile.
 */
export async function startVisitorServer() {
  const http = createServer();
  const server = new Server<VisitorClientToServer, VisitorServerToClient>(http, { path: SOCKET_PATH });
  const syncs: PendingSync[] = [];
  const waiting: ((sync: PendingSync) => void)[] = [];
  const sockets = new Set<ServerSocket<VisitorClientToServer, VisitorServerToClient>>();
  let connections = 0;
  /** How the test answers `review.answer`; by default the server is not ready for it yet. */
  let reviewAnswer: (request: VisitorReviewAnswer) => Parameters<Ack<'review.answer'>>[0] = () => ({ ok: false, error: { code: 'review.not_found', message: 'No review' } });
  const reviewAnswers: VisitorReviewAnswer[] = [];

  server.of(VISITOR_NAMESPACE).on('connection', (socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('disconnect', () => sockets.delete(socket));
    socket.on('sync', (request, ack: Ack<'sync'>) => {
      const pending: PendingSync = { lastEventId: request.lastEventId, accept: (events, latestId) => ack({ ok: true, events, latestId }) };
      const next = waiting.shift();
      if (next) next(pending);
      else syncs.push(pending);
    });
    socket.on('message.send', (request, ack: Ack<'message.send'>) => ack({ ok: true, message: echo(request.body), duplicate: false }));
    socket.on('review.answer', (request, ack: Ack<'review.answer'>) => {
      reviewAnswers.push(request);
      ack(reviewAnswer(request));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    /** A client socket as the widget opens one (WebSocket only), not yet connected. */
    clientSocket(): VisitorSocket {
      return io(`http://127.0.0.1:${port}${VISITOR_NAMESPACE}`, { path: SOCKET_PATH, transports: ['websocket'], autoConnect: false, reconnectionDelay: 50 });
    },
    nextSync(): Promise<PendingSync> {
      const queued = syncs.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiting.push(resolve));
    },
    /** Decides the ack of every `review.answer` from now on. */
    answerReviewsWith(answer: typeof reviewAnswer): void {
      reviewAnswer = answer;
    },
    reviewAnswers,
    push(events: VisitorEvent[]): void {
      for (const socket of sockets) socket.emit('events', events);
    },
    /** Hangs up from the server side, as a deploy or a kicked socket does. */
    kick(): void {
      for (const socket of sockets) socket.disconnect(true);
    },
    get connections(): number {
      return connections;
    },
    close(): Promise<void> {
      server.disconnectSockets(true);
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

let nextId = 1000;
function echo(body: string): WidgetMessageDto {
  nextId += 1;
  const at = new Date().toISOString();
  return { id: nextId, ticketId: 1, direction: 'in', authorKind: 'customer', authorName: null, body, attachments: [], status: 'received', sentAt: at, createdAt: at };
}

export type VisitorServer = Awaited<ReturnType<typeof startVisitorServer>>;
