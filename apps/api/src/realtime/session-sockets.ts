import { resumeSession, type AuthDeps, type Clock } from '@keluh/core';
import type { SocketError } from '@keluh/contracts';
import type { AgentNamespace, AgentSocket } from './agent.namespace.ts';

/**
 * Every /agent socket joins the room of the session it was opened with (named by the token's digest,
 * never the token). Cutting a session is then a room broadcast, which the Redis adapter carries to the
 * sockets held by other API processes too.
 */
export const sessionRoom = (tokenHash: string) => `session:${tokenHash}`;

const ENDED: SocketError = { code: 'auth.unauthenticated', message: 'The session has ended; sign in again' };

/** Tells the client why, then disconnects: a server-side disconnect is final for socket.io (no retry). */
export function endSocket(socket: AgentSocket): void {
  socket.emit('session.ended', ENDED);
  socket.disconnect(true);
}

export function endSessionSockets(namespace: AgentNamespace, tokenHash: string): void {
  namespace.to(sessionRoom(tokenHash)).emit('session.ended', ENDED);
  namespace.in(sessionRoom(tokenHash)).disconnectSockets(true);
}

// setTimeout fires at once for delays past 2^31-1 ms (about 24.8 days); sessions live 30 days.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Cuts the socket the moment its session expires. When the timer fires the session is looked up again
 * rather than trusted from memory, so a long wait is simply re-armed and a signed-out one is cut.
 */
export function watchSessionExpiry(socket: AgentSocket, auth: AuthDeps, clock: Clock, expiresAt: string): () => void {
  let timer: NodeJS.Timeout | null = null;
  const arm = (until: string) => {
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(until) - Date.parse(clock.now())));
    timer = setTimeout(() => {
      if (!socket.connected) return;
      resumeSession(auth, socket.data.tokenHash).then(
        ({ session }) => arm(session.expiresAt),
        () => endSocket(socket),
      );
    }, delay);
    timer.unref();
  };
  arm(expiresAt);
  return () => {
    if (timer) clearTimeout(timer);
  };
}
