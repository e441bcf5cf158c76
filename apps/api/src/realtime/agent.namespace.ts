import type { Namespace, Socket } from 'socket.io';
import fastifyCookie from '@fastify/cookie';
import { authenticateSession, resumeSession, type StoredEvent, type User } from '@keluh/core';
import { PRESENCE_ACTIVITY_THROTTLE_MS, presenceActivitySchema, syncRequestSchema, type AgentClientToServer, type AgentEvent, type AgentServerToClient } from '@keluh/contracts';
import type { Services } from '../services.ts';
import { SESSION_COOKIE } from '../plugins/auth.plugin.ts';
import { replaySince } from './replay.ts';
import { eventCall, refusal, toSocketError, type AckValue } from './socket-errors.ts';
import { endSocket, sessionRoom, watchSessionExpiry } from './session-sockets.ts';
import type { RealtimeFeed } from './realtime-feed.ts';
import { hasLocalSockets } from './local-room.ts';

export interface AgentSocketData {
  user: User;
  /** The session's token digest: names its room and re-checks it; the token itself is not kept. */
  tokenHash: string;
  expiresAt: string;
}

export type AgentNamespace = Namespace<AgentClientToServer, AgentServerToClient, Record<string, never>, AgentSocketData>;
export type AgentSocket = Socket<AgentClientToServer, AgentServerToClient, Record<string, never>, AgentSocketData>;

/** Staff see every ticket for now; team-scoped rooms arrive with roles and teams. */
const STAFF_ROOM = 'staff';

export function toAgentEvent(event: StoredEvent): AgentEvent {
  return { id: event.id, type: event.type, ticketId: event.ticketId, createdAt: event.createdAt, payload: event.payload } as AgentEvent;
}

/** The console's socket carries the session cookie; parsed the same way @fastify/cookie parses requests. */
function cookieToken(cookieHeader: string | undefined): string | null {
  return cookieHeader ? (fastifyCookie.parse(cookieHeader)[SESSION_COOKIE] ?? null) : null;
}

export function setUpAgentNamespace(namespace: AgentNamespace, services: Services, feed: RealtimeFeed): () => void {
  namespace.use((socket, next) => {
    const { auth, headers } = socket.handshake;
    const bearer = typeof auth?.token === 'string' ? auth.token : null;
    // Browsers always send Origin on a WebSocket handshake: a foreign one is another site's page. Without
    // Origin it is no browser, which is fine for a bearer token but not for someone's session cookie.
    const allowed = headers.origin !== undefined ? services.origins.console.allows(headers.origin, headers.host) : bearer !== null;
    if (!allowed) return next(refusal('socket.origin_rejected', `The console socket does not accept ${headers.origin ?? 'a request without Origin'}`));
    authenticateSession(services.auth, bearer ?? cookieToken(headers.cookie))
      .then(({ user, session }) => {
        socket.data.user = user;
        socket.data.tokenHash = session.tokenHash;
        socket.data.expiresAt = session.expiresAt;
        next();
      })
      .catch((error: unknown) => next(refusal(toSocketError(error))));
  });

  namespace.on('connection', (socket) => {
    void socket.join([STAFF_ROOM, sessionRoom(socket.data.tokenHash)]);
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
        await resumeSession(services.auth, socket.data.tokenHash);
      } catch (error) {
        reply({ ok: false, error: toSocketError(error) });
        return endSocket(socket);
      }
      try {
        const { lastEventId } = parse(syncRequestSchema);
        const result = await replaySince(services.db.events, lastEventId);
        reply({ ok: true, events: result.events.map(toAgentEvent), latestId: result.latestId });
      } catch (error) {
        reply({ ok: false, error: toSocketError(error) });
      }
    });
  });

  // `local`: every process delivers to its own sockets from the log (RealtimeFeed); through the Redis
  // adapter each event would otherwise reach other processes' sockets a second time, out of order.
  return feed.subscribe((events) => {
    if (hasLocalSockets(namespace, STAFF_ROOM)) namespace.local.to(STAFF_ROOM).emit('events', events.map(toAgentEvent));
  });
}
