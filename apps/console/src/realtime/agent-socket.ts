import { io, type Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, SOCKET_PATH, type AgentClientToServer, type AgentServerToClient } from '@keluh/contracts';

export type AgentSocket = Socket<AgentServerToClient, AgentClientToServer>;

/**
 * WebSocket only: with several API processes behind a balancer, long-polling would need sticky sessions.
 * The handshake is same-origin, so the browser sends the httpOnly session cookie (and our Origin) itself.
 */
export function connectAgentSocket(): AgentSocket {
  return io(AGENT_NAMESPACE, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
}
