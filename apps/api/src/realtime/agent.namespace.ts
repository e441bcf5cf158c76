import type { Namespace, Socket } from 'socket.io';
import type { FastifyBaseLogger } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { authenticateSession, can, resumeSession, scopeOf, type StoredEvent, type User } from '@keluh/core';
import { PRESENCE_ACTIVITY_THROTTLE_MS, presenceActivitySchema, syncRequestSchema, type AgentClientToServer, type AgentEvent, type AgentServerToClient } from '@keluh/contracts';
import type { Services } from '../services.ts';
import { SESSION_COOKIE } from '../plugins/auth.plugin.ts';
import { replaySince } from './replay.ts';
import { eventCall, refusal, toSocketError, type AckValue } from './socket-errors.ts';
import { endSocket, sessionRoom, watchSessionExpiry } from './session-sockets.ts';
import type { RealtimeFeed } from './realtime-feed.ts';
import { hasLocalSockets } from './local-room.ts';
import type { WatchEntry } from './ticket-viewers.ts';
import { createTicketWatchers } from './ticket-watchers.ts';
import { handleTicketWatch } from './ticket-watch.handlers.ts';
import { createMayWatch } from './may-watch.ts';
import { AGENTS_ROOM, STAFF_ROOM, framesByRooms, roomsOfScope, userRoom } from './scope-rooms.ts';

export interface AgentSocketData {
  user: User;
  /** The session's token digest: names its room and re-checks it; the token itself is not kept. */
  tokenHash: string;
  expiresAt: string;
  /** The rooms of the user's ticket scope at the handshake (scope-rooms.ts). */
  scopeRooms: string[];
}

/** Between API processes joined by the Redis adapter (serverSideEmit): who watches a ticket. */
export interface AgentServerSideEvents {
  /** Answered with this process's own watch entries for the ticket. */
  'watchers.list': (ticketId: number, ack: (entries: WatchEntry[]) => void) => void;
  /** Someone's watch of the ticket changed elsewhere: ask again and push to the sockets here. */
  'watchers.changed': (ticketId: number) => void;
}

export type AgentNamespace = Namespace<AgentClientToServer, AgentServerToClient, AgentServerSideEvents, AgentSocketData>;
export type AgentSocket = Socket<AgentClientToServer, AgentServerToClient, AgentServerSideEvents, AgentSocketData>;

/** A typing indicator lasts this long after the console's last `typing: true` (it refreshes every few seconds). */
const TYPING_LAPSES_MS = 6_000;

export function toAgentEvent(event: StoredEvent): AgentEvent {
  return { id: event.id, type: event.type, ticketId: event.ticketId, createdAt: event.createdAt, payload: event.payload } as AgentEvent;
}

/** The console's socket carries the session cookie; parsed the same way @fastify/cookie parses requests. */
function cookieToken(cookieHeader: string | undefined): string | null {
  return cookieHeader ? (fastifyCookie.parse(cookieHeader)[SESSION_COOKIE] ?? null) : null;
}

export function setUpAgentNamespace(namespace: AgentNamespace, services: Services, feed: RealtimeFeed, log: FastifyBaseLogger): () => void {
  namespace.use((socket, next) => {
    const { auth, headers } = socket.handshake;
    const bearer = typeof auth?.token === 'string' ? auth.token : null;
    // Browsers always send Origin on a WebSocket handshake: a foreign one is another site's page. Without
    // Origin it is no browser, which is fine for a bearer token but not for someone's session cookie.
    const allowed = headers.origin !== undefined ? services.origins.console.allows(headers.origin, headers.host) : bearer !== null;
    if (!allowed) return next(refusal('socket.origin_rejected', `The console socket does not accept ${headers.origin ?? 'a request without Origin'}`));
    authenticateSession(services.auth, bearer ?? cookieToken(headers.cookie))
      .then(async ({ user, session }) => {
        // Read before the connection: its handlers must be in place the moment the client can emit `sync`.
        socket.data.scopeRooms = roomsOfScope(await scopeOf(services.db, user));
        socket.data.user = user;
        socket.data.tokenHash = session.tokenHash;
        socket.data.expiresAt = session.expiresAt;
        next();
      })
      .catch((error: unknown) => next(refusal(toSocketError(error))));
  });

  const watchers = createTicketWatchers(namespace, {
    joined: services.redis !== null,
    canReachOthers: () => services.redis !== null && services.redis.publisher.status !== 'end',
    typingMs: TYPING_LAPSES_MS,
    sweepMs: Math.max(100, Math.floor(services.config.PRESENCE_TTL / 3)),
    now: () => services.clock.now(),
    onError: (error) => log.warn({ err: error }, 'ticket watchers not gathered'),
  });
  const mayWatch = createMayWatch(services.db);

  namespace.on('connection', (socket) => {
    handleTicketWatch(socket, watchers, mayWatch, services.presenceMonitor);
    const { user, scopeRooms } = socket.data;
    const limitable = can(user, 'tickets.view_team') ? [] : [AGENTS_ROOM];
    void socket.join([STAFF_ROOM, userRoom(user.id), sessionRoom(socket.data.tokenHash), ...limitable, ...scopeRooms]);
    const stopWatching = watchSessionExpiry(socket, services.auth, services.clock, socket.data.expiresAt);
    const userId = socket.data.user.id;
    void services.presenceMonitor.connected(userId);
    socket.on('disconnect', () => {
      stopWatching();
      void services.presenceMonitor.disconnected(userId);
    });

    // Half the console's own throttle: a client that keeps to it is never ignored, one that floods is.
    let lastActivity = 0;
    socket.on('presence.activity', (...args: unknown[]) => {
      const { reply, parse } = eventCall<AckValue<AgentClientToServer['presence.activity']>>(args);
      try {
        parse(presenceActivitySchema);
      } catch (error) {
        return reply({ ok: false, error: toSocketError(error) });
      }
      if (Date.now() - lastActivity < PRESENCE_ACTIVITY_THROTTLE_MS / 2) return reply({ ok: true });
      lastActivity = Date.now();
      void services.presenceMonitor.activity(userId).then(() => reply({ ok: true }));
    });

    socket.on('sync', async (...args: unknown[]) => {
      const { reply, parse } = eventCall<AckValue<AgentClientToServer['sync']>>(args);
      try {
        // A session signed out elsewhere (another process without a shared adapter, a purge) stops here.
        // The user as stored now: a role or teams changed since the handshake narrow the replay too.
        socket.data.user = (await resumeSession(services.auth, socket.data.tokenHash)).user;
      } catch (error) {
        reply({ ok: false, error: toSocketError(error) });
        return endSocket(socket);
      }
      try {
        const { lastEventId } = parse(syncRequestSchema);
        const result = await replaySince(services.db.events, lastEventId, { scope: await scopeOf(services.db, socket.data.user) });
        reply({ ok: true, events: result.events.map(toAgentEvent), latestId: result.latestId });
      } catch (error) {
        reply({ ok: false, error: toSocketError(error) });
      }
    });
  });

  // `local`: every process delivers to its own sockets from the log (RealtimeFeed); through the Redis
  // adapter each event would otherwise reach other processes' sockets a second time, out of order.
  // Each frame goes to the rooms that may see its events; a socket in several of them gets it once.
  const unsubscribe = feed.subscribe((events) => {
    if (!hasLocalSockets(namespace, STAFF_ROOM)) return;
    for (const frame of framesByRooms(events)) {
      if (frame.rooms.some((room) => hasLocalSockets(namespace, room))) namespace.local.to(frame.rooms).emit('events', frame.events.map(toAgentEvent));
    }
  });
  return () => {
    unsubscribe();
    watchers.stop();
  };
}
