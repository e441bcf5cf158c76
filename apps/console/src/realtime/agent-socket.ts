import { io, type Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, SOCKET_PATH, type AgentClientToServer, type AgentServerToClient } from '@keluh/contracts';

export type AgentSocket = Socket<AgentServerToClient, AgentClientToServer>;

/**
 * WebSocket only: with several API processes behind a balancer, long-polling would need sticky sessions.
 * The token is read on every (re)connect so a refreshed session is picked up.
 */
export function connectAgentSocket(getToken: () => string | null): AgentSocket {
  return io(AGENT_NAMESPACE, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    auth: (send) => send({ token: getToken() }),
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
}
