import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { AGENT_NAMESPACE, SOCKET_PATH, VISITOR_NAMESPACE } from '@keluh/contracts';
import { setUpAgentNamespace, type AgentNamespace } from './agent.namespace.ts';
import { endSessionSockets } from './session-sockets.ts';
import { setUpVisitorNamespace, type VisitorNamespace } from './visitor.namespace.ts';
import { RealtimeFeed } from './realtime-feed.ts';
import { AGENTS_ROOM, userRoom } from './scope-rooms.ts';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
    /** Delivers committed events to this process's sockets, in log order (see RealtimeFeed). */
    realtimeFeed: RealtimeFeed;
    /** Cuts every live /agent socket of a session (sign-out), in every process joined by the adapter. */
    endSessionSockets: (tokenHash: string) => void;
    /**
     * After a user's role or teams changed: cuts their /agent sockets in every process, so each reconnects
     * into the rooms of its new scope and replays what it missed through the scoped `sync`.
     */
    rescopeUserSockets: (userId: number) => void;
    /** The same for every socket whose scope the "own and unassigned only" setting decides. */
    rescopeAgentSockets: () => void;
  }
}

/** socket.io shares the Fastify HTTP server and port; namespaces are the realtime face of the event bus. */
export default fp(
  async (app) => {
    const { redis, config } = app.services;
    // Loaded only when processes are joined (REDIS_URL): one process runs no Redis code.
    const crossProcess = redis ? await import('./cross-process.ts') : null;
    const io = new Server(app.server, {
      path: SOCKET_PATH,
      serveClient: false,
      // No CORS for polling; which pages may open a socket is each namespace's origin check.
      cors: { origin: false },
      maxHttpBufferSize: 64 * 1024,
      ...(redis && crossProcess ? { adapter: crossProcess.redisAdapter(redis, config.REDIS_PREFIX) } : {}),
    });
    const feed = new RealtimeFeed(app.services.db.events, (error) => app.log.error({ err: error }, 'realtime feed failed'));
    await feed.start();
    // Subscribed after the feed's start, then read once: nothing committed elsewhere falls in between.
    const signal = redis && crossProcess ? await crossProcess.signalCommits(redis, config.REDIS_PREFIX, app.services.workerId, feed, app.log) : null;
    const unsubscribe = [
      app.services.bus.subscribeCommits((events) => {
        feed.committed(events);
        signal?.committed(Math.max(...events.map((event) => event.id)));
      }),
      () => signal?.stop(),
      setUpAgentNamespace(io.of(AGENT_NAMESPACE) as AgentNamespace, app.services, feed, app.log),
      setUpVisitorNamespace(io.of(VISITOR_NAMESPACE) as VisitorNamespace, app.services, feed),
    ];
    app.decorate('io', io);
    app.decorate('realtimeFeed', feed);
    const agents = () => io.of(AGENT_NAMESPACE) as AgentNamespace;
    app.decorate('rescopeUserSockets', (userId: number) => agents().in(userRoom(userId)).disconnectSockets(true));
    app.decorate('rescopeAgentSockets', () => agents().in(AGENTS_ROOM).disconnectSockets(true));
    app.decorate('endSessionSockets', (tokenHash: string) => endSessionSockets(io.of(AGENT_NAMESPACE) as AgentNamespace, tokenHash));
    app.addHook('preClose', async () => {
      unsubscribe.forEach((stop) => stop());
      feed.stop();
      // io.close() would also close the HTTP server, which Fastify closes itself right after. `local`: through
      // the Redis adapter a plain disconnectSockets would cut every other process's sockets too.
      for (const namespace of [io.of(AGENT_NAMESPACE), io.of(VISITOR_NAMESPACE)]) namespace.local.disconnectSockets(true);
      io.engine.close();
    });
  },
  { name: 'socket-io' },
);
