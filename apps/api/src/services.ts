import type { AuthDeps, CoreDeps, Database, Clock } from '@keluh/core';
import type { ChannelRegistry } from './channels/channel-registry.ts';
import type { OutboxWorker } from './outbox/outbox-worker.ts';
import type { MediaStore } from './media/media-store.ts';
import type { Config } from './config/config.ts';
import type { EventBus } from './realtime/event-bus.ts';
import type { VisitorTokens } from './security/visitor-token.ts';
import type { OutboundPolicy, WebchatAdapter } from '@keluh/channels';
import type { OriginPolicy } from './security/origin-policy.ts';

/** Everything the routes and the realtime layer use, built once per app by buildApp. */
export interface Services {
  config: Config;
  db: Database;
  clock: Clock;
  bus: EventBus;
  core: CoreDeps;
  auth: AuthDeps;
  visitorTokens: VisitorTokens;
  webchat: WebchatAdapter;
  channels: ChannelRegistry;
  outbox: OutboxWorker;
  media: MediaStore;
  /** Which hosts may be called over http or on internal addresses (save-time checks of admin URLs). */
  outbound: OutboundPolicy;
  /** Which pages may use the console's session (CSRF, /agent) and the widget's socket (/visitor). */
  origins: { console: OriginPolicy; widget: OriginPolicy };
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
