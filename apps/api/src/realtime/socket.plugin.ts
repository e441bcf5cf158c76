import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { AGENT_NAMESPACE, SOCKET_PATH, VISITOR_NAMESPACE } from '@keluh/contracts';
import { setUpAgentNamespace, type AgentNamespace } from './agent.namespace.ts';
import { endSessionSockets } from './session-sockets.ts';
import { setUpVisitorNamespace, type VisitorNamespace } from './visitor.namespace.ts';
import { RealtimeFeed } from './realtime-feed.ts';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
    /** Delivers committed events to this process's sockets, in log order (see RealtimeFeed). */
    realtimeFeed: RealtimeFeed;
    /** Cuts every live /agent socket of a session (sign-out), in every process joined by the adapter. */
    endSessionSockets: (tokenHash: string) => void;
  }
}

/** socket.io shares the Fastify HTTP server and port; namespaces are the realtime face of the event bus. */
export default fp(
  async (app) => {
    const io = new Server(app.server, {
      path: SOCKET_PATH,
      serveClient: false,
      // No CORS for polling; which pages may open a socket is each namespace's origin check.
      cors: { origin: false },
      maxHttpBufferSize: 64 * 1024,
    });
    const feed = new RealtimeFeed(app.services.db.events, (error) => app.log.error({ err: error }, 'realtime feed failed'));
    await feed.start();
    const unsubscribe = [
      app.services.bus.subscribeCommits((events) => feed.committed(events)),
      setUpAgentNamespace(io.of(AGENT_NAMESPACE) as AgentNamespace, app.services, feed),
      setUpVisitorNamespace(io.of(VISITOR_NAMESPACE) as VisitorNamespace, app.services, feed),
    ];
    app.decorate('io', io);
    app.decorate('realtimeFeed', feed);
    app.decorate('endSessionSockets', (tokenHash: string) => endSessionSockets(io.of(AGENT_NAMESPACE) as AgentNamespace, tokenHash));
    app.addHook('preClose', async () => {
      unsubscribe.forEach((stop) => stop());
      feed.stop();
      // io.close() would also close the HTTP server, which Fastify closes itself right after.
      for (const namespace of [io.of(AGENT_NAMESPACE), io.of(VISITOR_NAMESPACE)]) namespace.disconnectSockets(true);
      io.engine.close();
    });
  },
  { name: 'socket-io' },
);
