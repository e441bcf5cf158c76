import type { Namespace } from 'socket.io';
import fastifyCookie from '@fastify/cookie';
import { authenticate, type StoredEvent } from '@keluh/core';
import { syncRequestSchema, type AgentClientToServer, type AgentEvent, type AgentServerToClient } from '@keluh/contracts';
import type { Services } from '../services.ts';
import { SESSION_COOKIE } from '../plugins/auth.plugin.ts';
import { replaySince } from './replay.ts';
import { parsePayload, safeAck, toSocketError } from './socket-errors.ts';

export type AgentNamespace = Namespace<AgentClientToServer, AgentServerToClient>;

/** Staff see every ticket for now; team-scoped rooms arrive with roles and teams. */
const STAFF_ROOM = 'staff';

export function toAgentEvent(event: StoredEvent): AgentEvent {
  return { id: event.id, type: event.type, ticketId: event.ticketId, createdAt: event.createdAt, payload: event.payload } as AgentEvent;
}

/** The console's socket carries the session cookie; parsed the same way @fastify/cookie parses requests. */
function cookieToken(cookieHeader: string | undefined): string | null {
  return cookieHeader ? (fastifyCookie.parse(cookieHeader)[SESSION_COOKIE] ?? null) : null;
}

export function setUpAgentNamespace(namespace: AgentNamespace, services: Services): () => void {
  namespace.use((socket, next) => {
    const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : cookieToken(socket.handshake.headers.cookie);
    authenticate(services.auth, token)
      .then((user) => {
        socket.data.user = user;
        next();
      })
      .catch((error: unknown) => next(Object.assign(new Error(toSocketError(error).code), { data: toSocketError(error) })));
  });

  namespace.on('connection', (socket) => {
    void socket.join(STAFF_ROOM);
    socket.on('sync', async (request, ack) => {
      const reply = safeAck<Parameters<typeof ack>[0]>(ack);
      try {
        const { lastEventId } = parsePayload(syncRequestSchema, request);
        const result = await replaySince(services.db.events, lastEventId);
        reply({ ok: true, events: result.events.map(toAgentEvent), latestId: result.latestId });
      } catch (error) {
        reply({ ok: false, error: toSocketError(error) });
      }
    });
  });

  return services.bus.subscribe((event) => {
    namespace.to(STAFF_ROOM).emit('event', toAgentEvent(event));
  });
}
