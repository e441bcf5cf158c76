import { io, type Socket } from 'socket.io-client';
import type {
  AGENT_NAMESPACE as ContractAgentNamespace,
  SOCKET_PATH as ContractSocketPath,
  AgentClientToServer,
  AgentServerToClient,
} from '@keluh/contracts';

// Typed as the contracts' literals, so a change there fails the type check; importing the values would
// drag every zod schema of @keluh/contracts into the bundle (they are not tree-shakable), and zod's
// probe for `new Function` would break the console's CSP (the widget does the same).
const AGENT_NAMESPACE: typeof ContractAgentNamespace = '/agent';
const SOCKET_PATH: typeof ContractSocketPath = '/socket.io';

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
