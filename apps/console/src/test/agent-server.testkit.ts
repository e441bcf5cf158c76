import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import {
  AGENT_NAMESPACE,
  SOCKET_PATH,
  type AgentClientToServer,
  type AgentEvent,
  type AgentServerToClient,
  type SocketError,
  type TicketWatchers,
} from '@keluh/contracts';

type AgentSocket = Socket<AgentClientToServer, AgentServerToClient>;
type SyncAck = Parameters<AgentClientToServer['sync']>[1];

export interface PendingSync {
  lastEventId: number;
  accept(events: AgentEvent[], latestId: number): void;
  refuse(error: SocketError): void;
}

/**
 * A real HTTP + socket.io server on loopback whose answers the test writes: the console's realtime store
 * and feature stores talk to it exactly as to the API (same paths, same namespace, same event map), and
 * the test decides when each `sync` is answered, which is what the ordering rules are about.
 */
export async function startAgentServer() {
  const routes = new Map<string, () => unknown>();
  const requests: string[] = [];
  const syncs: PendingSync[] = [];
  const waiting: ((sync: PendingSync) => void)[] = [];
  const sockets = new Set<AgentSocket>();
  /** `ticket.watch` / `ticket.unwatch` as received, in order; watches are answered with `watchers(ticketId)`. */
  const watchCalls: { event: 'ticket.watch' | 'ticket.unwatch'; ticketId: number; typing?: boolean }[] = [];
  let watchers: (ticketId: number) => TicketWatchers['viewers'] = () => [];

  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]!;
    requests.push(`${request.method} ${path}`);
    const route = routes.get(`${request.method} ${path}`);
    response.writeHead(route ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(route ? route() : { error: { code: 'route.not_found', message: path } }));
  });
  const io = new Server<AgentClientToServer, AgentServerToClient>(http, { path: SOCKET_PATH });
  io.of(AGENT_NAMESPACE).on('connection', (socket: AgentSocket) => {
    sockets.add(socket);
    socket.on('disconnect', () => sockets.delete(socket));
    socket.on('ticket.watch', (request, ack) => {
      watchCalls.push({ event: 'ticket.watch', ...request });
      ack({ ok: true, ticketId: request.ticketId, viewers: watchers(request.ticketId) });
    });
    socket.on('ticket.unwatch', (request, ack) => {
      watchCalls.push({ event: 'ticket.unwatch', ...request });
      ack({ ok: true });
    });
    socket.on('sync', (request, ack: SyncAck) => {
      const pending: PendingSync = {
        lastEventId: request.lastEventId,
        accept: (events, latestId) => ack({ ok: true, events, latestId }),
        refuse: (error) => ack({ ok: false, error }),
      };
      const next = waiting.shift();
      if (next) next(pending);
      else syncs.push(pending);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Answers `GET path` with this JSON from now on. */
    get(path: string, body: () => unknown): void {
      routes.set(`GET ${path}`, body);
    },
    post(path: string, body: () => unknown): void {
      routes.set(`POST ${path}`, body);
    },
    /** The next `sync` a client sends (or the oldest one not yet taken). */
    nextSync(): Promise<PendingSync> {
      const queued = syncs.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiting.push(resolve));
    },
    watchCalls,
    answerWatchesWith(viewers: (ticketId: number) => TicketWatchers['viewers']): void {
      watchers = viewers;
    },
    pushWatchers(list: TicketWatchers): void {
      for (const socket of sockets) socket.emit('ticket.watchers', list);
    },
    /** Cuts the connections as a network drop would: the clients reconnect by themselves. */
    dropConnections(): void {
      for (const socket of sockets) socket.conn.close();
    },
    push(events: AgentEvent[]): void {
      for (const socket of sockets) socket.emit('events', events);
    },
    endSession(): void {
      for (const socket of sockets) {
        socket.emit('session.ended', { code: 'auth.session_ended', message: 'Signed out' });
        socket.disconnect(true);
      }
    },
    get connections(): number {
      return sockets.size;
    },
    async close(): Promise<void> {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

export type AgentServer = Awaited<ReturnType<typeof startAgentServer>>;
