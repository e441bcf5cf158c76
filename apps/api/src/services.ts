import type { IncomingMessage } from 'node:http';
import type { AuthDeps, CoreDeps, Database, Clock, PresenceTracker, VisitorAuthDeps } from '@keluh/core';
import type { ChannelRegistry } from './channels/channel-registry.ts';
import type { OutboxWorker } from './outbox/outbox-worker.ts';
import type { JobRunner } from './workers/job-runner.ts';
import type { MediaStore } from './media/media-store.ts';
import type { Config } from './config/config.ts';
import type { EventBus } from './realtime/event-bus.ts';
import type { OutboundPolicy, WebchatAdapter } from '@keluh/channels';
import type { OriginPolicy } from './security/origin-policy.ts';
import type { WidgetRateLimits } from './rate-limit/widget-rate-limits.ts';
import type { Listeners } from './realtime/listeners.ts';
import type { RedisConnections } from './redis/redis-connections.ts';
import type { PresenceMonitor } from './presence/presence-monitor.ts';

/** Everything the routes and the realtime layer use, built once per app by buildApp. */
export interface Services {
  config: Config;
  db: Database;
  clock: Clock;
  bus: EventBus;
  core: CoreDeps;
  auth: AuthDeps;
  /** Widget visitor sessions: access and refresh tokens, revocation. */
  visitorAuth: VisitorAuthDeps;
  /** Session ids just revoked: the visitor namespace closes their sockets. */
  visitorRevocations: Listeners<string[]>;
  widgetLimits: WidgetRateLimits;
  /** request.ip for requests Fastify never sees (socket.io handshakes), from the same trustProxy. */
  clientAddress: (raw: IncomingMessage) => string;
  webchat: WebchatAdapter;
  channels: ChannelRegistry;
  outbox: OutboxWorker;
  jobs: JobRunner;
  media: MediaStore;
  /** Which hosts may be called over http or on internal addresses (save-time checks of admin URLs). */
  outbound: OutboundPolicy;
  /** Which pages may use the console's session (CSRF, /agent) and the widget's socket (/visitor). */
  origins: { console: OriginPolicy; widget: OriginPolicy };
  /** Names this process (leases, presence, the commit signal). */
  workerId: string;
  /** The connections to Redis when REDIS_URL joins processes; null for one process on its own. */
  redis: RedisConnections | null;
  /** Who of the staff has the console open, over every process. */
  presence: PresenceTracker;
  /** Effective presence (grace period, idleness, the manual toggle) from this process's sockets. */
  presenceMonitor: PresenceMonitor;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
