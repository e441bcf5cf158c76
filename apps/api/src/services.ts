import type { AuthDeps, CoreDeps, Database, Clock } from '@keluh/core';
import type { ChannelRegistry } from './channels/channel-registry.ts';
import type { OutboxWorker } from './outbox/outbox-worker.ts';
import type { JobRunner } from './workers/job-runner.ts';
import type { MediaStore } from './media/media-store.ts';
import type { Config } from './config/config.ts';
import type { EventBus } from './realtime/event-bus.ts';
import type { VisitorTokens } from './security/visitor-token.ts';
import type { WebchatAdapter } from '@keluh/channels';

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
  jobs: JobRunner;
  media: MediaStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
