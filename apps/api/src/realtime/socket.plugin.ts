import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { AGENT_NAMESPACE, SOCKET_PATH, VISITOR_NAMESPACE } from '@keluh/contracts';
import { setUpAgentNamespace, type AgentNamespace } from './agent.namespace.ts';
import { setUpVisitorNamespace, type VisitorNamespace } from './visitor.namespace.ts';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
  }
}

/** socket.io shares the Fastify HTTP server and port; namespaces are the realtime face of the event bus. */
export default fp(
  async (app) => {
    const io = new Server(app.server, {
      path: SOCKET_PATH,
      serveClient: false,
      // The widget is embedded on other sites, but its iframe is ours: same-origin sockets only.
      cors: { origin: false },
      maxHttpBufferSize: 64 * 1024,
    });
    const unsubscribe = [
      setUpAgentNamespace(io.of(AGENT_NAMESPACE) as AgentNamespace, app.services),
      setUpVisitorNamespace(io.of(VISITOR_NAMESPACE) as VisitorNamespace, app.services),
    ];
    app.decorate('io', io);
    app.addHook('preClose', async () => {
      unsubscribe.forEach((stop) => stop());
      // io.close() would also close the HTTP server, which Fastify closes itself right after.
      for (const namespace of [io.of(AGENT_NAMESPACE), io.of(VISITOR_NAMESPACE)]) namespace.disconnectSockets(true);
      io.engine.close();
    });
  },
  { name: 'socket-io' },
);
