import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { assignmentJobHandlers, ingestBatchHandlers, seedDefaultCategories, seedDefaultPhrases, seedDefaultHolidays, slaJobHandlers, promiseJobHandlers, systemClock, type Clock, type CoreDeps, type Database } from '@keluh/core';
import { WebchatAdapter, createGuardedFetch } from '@keluh/channels';
import type { Config } from './config/config.ts';
import { fastifyTrustProxy } from './config/network-settings.ts';
import { EventBus } from './realtime/event-bus.ts';
import { scryptHasher } from './security/password-hasher.ts';
import { randomTokenService } from './security/token-service.ts';
import { createVisitorCredentials } from './security/visitor-token.ts';
import { clientAddressResolver, type TrustProxy } from './security/client-address.ts';
import { createWidgetRateLimits } from './rate-limit/widget-rate-limits.ts';
import { Listeners } from './realtime/listeners.ts';
import { OutboxWorker } from './outbox/outbox-worker.ts';
import type { Services } from './services.ts';
import errorHandler, { clientErrors, frameworkErrors } from './plugins/error-handler.plugin.ts';
import textHygiene from './plugins/text-hygiene.plugin.ts';
import pathGuard from './plugins/path-guard.plugin.ts';
import hostHeader from './plugins/host-header.plugin.ts';
import auth from './plugins/auth.plugin.ts';
import ticketScope from './plugins/ticket-scope.plugin.ts';
import swaggerDocs from './plugins/swagger.plugin.ts';
import securityHeaders from './plugins/security-headers.plugin.ts';
import { consoleOriginPolicy, widgetOriginPolicy } from './security/origin-policy.ts';
import staticFiles, { type StaticRoots } from './plugins/static.plugin.ts';
import socketIo from './realtime/socket.plugin.ts';
import healthRoutes from './routes/health/health.routes.ts';
import authRoutes from './routes/auth/auth.routes.ts';
import ticketsRoutes from './routes/tickets/tickets.routes.ts';
import ticketMovesRoutes from './routes/tickets/ticket-moves.routes.ts';
import usersRoutes from './routes/users/users.routes.ts';
import widgetRoutes from './routes/widget/widget.routes.ts';
import visitorSessionsRoutes from './routes/widget/visitor-sessions.routes.ts';
import channelsRoutes from './routes/channels/channels.routes.ts';
import metaWebhooksRoutes from './routes/webhooks/meta-webhooks.routes.ts';
import apiChannelWebhooksRoutes from './routes/webhooks/api-channel-webhooks.routes.ts';
import apiChannelsRoutes from './routes/api-channels/api-channels.routes.ts';
import { ChannelRegistry } from './channels/channel-registry.ts';
import { MediaStore } from './media/media-store.ts';
import { mediaDownloadHandler } from './media/media-download.job.ts';
import { customerProfileHandler } from './channels/customer-profile.job.ts';
import { janitorHandlers, scheduleJanitors } from './workers/janitor.jobs.ts';
import { scheduleStuckScan, workflowStuckHandlers } from './workers/workflow-stuck.jobs.ts';
import { reportsRollupHandlers, scheduleReportsRollup } from './workers/reports-rollup.jobs.ts';
import { languageBackfillHandlers, scheduleLanguageBackfill } from './workers/language-backfill.jobs.ts';
import { JobRunner } from './workers/job-runner.ts';
import { newWorkerId } from './workers/worker-id.ts';
import mediaRoutes from './routes/media/media.routes.ts';
import { channelSettingsFromEnv } from './channels/channel-settings.ts';
import { mediaRulesFrom, outboundPolicyFrom } from './outbound/outbound-policy.ts';
import { openSharedState } from './startup/shared-state.ts';
import presenceRoutes from './routes/presence/presence.routes.ts';
import { PresenceMonitor } from './presence/presence-monitor.ts';
import ticketWorkflowRoutes from './routes/workflow/ticket-workflow.routes.ts';
import workflowAdminRoutes from './routes/workflow/workflow-admin.routes.ts';
import phrasesRoutes from './routes/phrases/phrases.routes.ts';
import ticketCasesRoutes from './routes/cases/ticket-cases.routes.ts';
import promisesRoutes from './routes/promises/promises.routes.ts';
import reviewsRoutes from './routes/reviews/reviews.routes.ts';
import testimonialsRoutes from './routes/reviews/testimonials.routes.ts';
import recoveryRoutes from './routes/reviews/recovery.routes.ts';
import customerMergesRoutes from './routes/customers/customer-merges.routes.ts';
import customerSuggestionsRoutes from './routes/customers/customer-suggestions.routes.ts';
import ticketSettingsRoutes from './routes/settings/ticket-settings.routes.ts';
import threadingSettingsRoutes from './routes/settings/threading-settings.routes.ts';
import widgetIdentityRoutes from './routes/settings/widget-identity.routes.ts';
import { demoShopIdentity } from './seed/demo-shop-identity.ts';
import channelRoutingRoutes from './routes/settings/channel-routing.routes.ts';
import publicTestimonialsRoutes from './routes/reviews/public-testimonials.routes.ts';
import boardRoutes from './routes/board/board.routes.ts';
import slaRoutes from './routes/sla/sla.routes.ts';
import ticketSlaRoutes from './routes/sla/ticket-sla.routes.ts';
import adminUsersRoutes from './routes/admin/admin-users.routes.ts';
import adminTeamsRoutes, { teamsRoutes } from './routes/admin/admin-teams.routes.ts';
import auditRoutes from './routes/admin/audit.routes.ts';
import searchRoutes from './routes/search/search.routes.ts';
import reportsRoutes from './routes/reports/reports.routes.ts';
import customersRoutes from './routes/customers/customers.routes.ts';
import customerAttributesRoutes from './routes/customers/customer-attributes.routes.ts';
import ticketStoryRoutes from './routes/customers/ticket-story.routes.ts';

export interface AppDeps {
  config: Config;
  db: Database;
  clock?: Clock;
  /** The HTTP client channel adapters use; defaults to the outbound guard (tests may observe the network). */
  fetch?: typeof fetch;
  staticRoots?: StaticRoots;
}

const defaultStaticRoots: StaticRoots = {
  console: fileURLToPath(new URL('../../console/dist', import.meta.url)),
  widget: fileURLToPath(new URL('../../widget/dist', import.meta.url)),
};

/**
 * Visitor tokens must survive restarts, so a generated secret is kept in the database. Two processes
 * starting at once on an empty database would each generate one; setIfAbsent makes them use the same.
 */
async function visitorSecret(config: Config, db: Database): Promise<string> {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const stored = await db.settings.get('visitor_token_secret');
  if (stored) return stored;
  return db.settings.setIfAbsent('visitor_token_secret', randomBytes(32).toString('base64url'));
}

/** Credentials from the environment fill a channel's settings once; after that the admin's edits win. */
async function seedChannelsFromEnv(config: Config, db: Database, clock: Clock): Promise<void> {
  for (const [kind, settings] of Object.entries(channelSettingsFromEnv(config))) {
    if (!(await db.channelConfigs.get(kind as 'whatsapp'))) await db.channelConfigs.upsert(kind as 'whatsapp', settings, clock.now());
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  // One value for Fastify's request.ip and for the socket handshakes' address (TRUST_PROXY feeds both).
  // request.ip, request.protocol and request.host follow X-Forwarded-* only from these proxies.
  const trustProxy: TrustProxy = fastifyTrustProxy(deps.config.TRUST_PROXY);
  const app = Fastify({
    trustProxy,
    logger: { level: deps.config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: 1024 * 1024,
    forceCloseConnections: true,
    frameworkErrors,
    clientErrorHandler: clientErrors,
    // Refused by the host-header plugin instead, in our error shape.
    http: { requireHostHeader: false },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const clock = deps.clock ?? systemClock;
  const bus = new EventBus((error, event) => app.log.error({ err: error, eventId: event.id }, 'event listener failed'));
  const core: CoreDeps = { db: deps.db, clock, events: bus };
  const webchat = new WebchatAdapter();
  const outbound = outboundPolicyFrom(deps.config);
  // Every call to the outside world (media, Graph, API-channel webhooks) dials only vetted addresses.
  const fetcher = deps.fetch ?? (createGuardedFetch(outbound) as typeof fetch);
  const channels = new ChannelRegistry(deps.db, webchat, { clock, fetch: fetcher, media: mediaRulesFrom(deps.config, outbound) });
  await seedChannelsFromEnv(deps.config, deps.db, clock);
  await seedDefaultPhrases(core);
  await channels.load();
  const workerId = newWorkerId();
  // Before anything that counts or broadcasts: with REDIS_URL this connects (or the start fails here).
  const shared = await openSharedState(deps.config, workerId, app.log);
  const outbox = new OutboxWorker(core, channels.adapters, bus, app.log, workerId, { leaseMs: deps.config.OUTBOX_LEASE });
  const media = new MediaStore(deps.config.MEDIA_DIR);
  const authDeps = { db: deps.db, clock, hasher: scryptHasher, tokens: randomTokenService };
  const visitorRevocations = new Listeners<string[]>();
  const jobs = new JobRunner(
    core,
    {
      'media.download': mediaDownloadHandler(core, channels.adapters, media, app.log),
      'customer.profile': customerProfileHandler(core, channels.adapters),
      ...janitorHandlers(core, authDeps, app.log),
      ...workflowStuckHandlers(core, app.log),
      ...promiseJobHandlers(core),
      ...slaJobHandlers(core),
      ...assignmentJobHandlers(core, async () => new Map((await deps.db.presenceChoices.listSettled()).map((settled) => [settled.userId, settled.status]))),
      ...reportsRollupHandlers(core, app.log),
      ...languageBackfillHandlers(core, app.log),
      ...ingestBatchHandlers(core),
    },
    bus,
    app.log,
    workerId,
  );
  await scheduleJanitors(core);
  await scheduleStuckScan(core);
  await scheduleReportsRollup(core);
  await scheduleLanguageBackfill(core);
  await seedDefaultCategories(core);
  await seedDefaultHolidays(core);
  const presenceMonitor = new PresenceMonitor(
    { ...core, presence: shared.presence },
    { graceMs: deps.config.PRESENCE_GRACE_SECONDS * 1000, sweepMs: deps.config.PRESENCE_SWEEP },
    app.log,
  );
  const services: Services = {
    config: deps.config,
    db: deps.db,
    clock,
    bus,
    core,
    auth: authDeps,
    visitorAuth: {
      db: deps.db,
      clock,
      credentials: createVisitorCredentials(await visitorSecret(deps.config, deps.db)),
      lifetimes: { accessMs: deps.config.WIDGET_TOKEN_TTL, sessionMs: deps.config.WIDGET_SESSION_TTL },
      onRevoked: (sessionIds) => visitorRevocations.emit(sessionIds),
    },
    visitorRevocations,
    widgetLimits: createWidgetRateLimits(shared.rateLimiter, deps.config, clock),
    clientAddress: clientAddressResolver(trustProxy),
    webchat,
    channels,
    outbox,
    jobs,
    media,
    outbound,
    origins: { console: consoleOriginPolicy(deps.config), widget: widgetOriginPolicy(deps.config) },
    workerId,
    redis: shared.redis,
    presence: shared.presence,
    presenceMonitor,
  };
  app.decorate('services', services);

  await app.register(errorHandler);
  await app.register(hostHeader);
  await app.register(pathGuard);
  await app.register(textHygiene);
  await app.register(cookie);
  // CSP, framing and HSTS differ per surface (the widget is embedded by other sites): security-headers sets them.
  await app.register(helmet, {
    contentSecurityPolicy: false,
    frameguard: false,
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    // widget.js is loaded by other sites' pages, so it must be fetchable cross-origin.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(securityHeaders);
  // Per-address sign-in limits: in Redis when processes are joined, so an address is counted once over
  // all of them. A Redis outage lets sign-ins through uncounted (skipOnError) rather than failing them;
  // the per-account lock-out in the database still holds meanwhile.
  await app.register(rateLimit, {
    global: false,
    ...(shared.redis ? { redis: shared.redis.commands, nameSpace: `${deps.config.REDIS_PREFIX}sign-in:`, skipOnError: true } : {}),
  });
  await app.register(auth);
  await app.register(ticketScope);
  await app.register(swaggerDocs);
  await app.register(socketIo);

  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(ticketsRoutes, { prefix: '/api/tickets' });
  await app.register(usersRoutes, { prefix: '/api/users' });
  await app.register(widgetRoutes, { prefix: '/api/widget' });
  await app.register(visitorSessionsRoutes, { prefix: '/api/widget/visitors' });
  await app.register(channelsRoutes, { prefix: '/api/channels' });
  await app.register(mediaRoutes, { prefix: '/api/media' });
  await app.register(metaWebhooksRoutes, { prefix: '/webhooks' });
  await app.register(apiChannelsRoutes, { prefix: '/api/api-channels' });
  await app.register(apiChannelWebhooksRoutes, { prefix: '/webhooks/api' });
  await app.register(presenceRoutes, { prefix: '/api/presence' });
  await app.register(ticketWorkflowRoutes, { prefix: '/api/tickets' });
  await app.register(workflowAdminRoutes, { prefix: '/api/workflow' });
  await app.register(phrasesRoutes, { prefix: '/api/phrases' });
  await app.register(ticketCasesRoutes, { prefix: '/api/tickets' });
  await app.register(promisesRoutes, { prefix: '/api/promises' });
  await app.register(reviewsRoutes, { prefix: '/api' });
  await app.register(ticketMovesRoutes, { prefix: '/api' });
  await app.register(testimonialsRoutes, { prefix: '/api/testimonials' });
  await app.register(recoveryRoutes, { prefix: '/api/recovery-tasks' });
  await app.register(ticketSettingsRoutes, { prefix: '/api/settings/tickets' });
  await app.register(threadingSettingsRoutes, { prefix: '/api/settings/threading' });
  await app.register(widgetIdentityRoutes, { prefix: '/api/settings/widget-identity' });
  await app.register(channelRoutingRoutes, { prefix: '/api/settings/routing' });
  await app.register(publicTestimonialsRoutes);
  await app.register(boardRoutes, { prefix: '/api/board' });
  await app.register(slaRoutes, { prefix: '/api/sla' });
  await app.register(ticketSlaRoutes, { prefix: '/api/tickets' });
  await app.register(adminUsersRoutes, { prefix: '/api/admin/users' });
  await app.register(adminTeamsRoutes, { prefix: '/api/admin/teams' });
  await app.register(teamsRoutes, { prefix: '/api/teams' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(reportsRoutes, { prefix: '/api/reports' });
  await app.register(customerMergesRoutes, { prefix: '/api' });
  await app.register(customerSuggestionsRoutes, { prefix: '/api' });
  await app.register(customersRoutes, { prefix: '/api/customers' });
  await app.register(customerAttributesRoutes, { prefix: '/api/customer-attributes' });
  await app.register(ticketStoryRoutes, { prefix: '/api/tickets' });
  await app.register(searchRoutes, { prefix: '/api/search' });
  await app.register(staticFiles, { roots: deps.staticRoots ?? defaultStaticRoots, demoIdentity: deps.config.SEED_DEMO ? () => demoShopIdentity(core.db) : undefined });

  app.addHook('onReady', async () => {
    outbox.start();
    jobs.start();
    presenceMonitor.start();
  });
  app.addHook('preClose', async () => {
    presenceMonitor.stop();
    await outbox.stop();
    await jobs.stop();
  });
  // After the sockets are gone (socket.io closes them in preClose): this process's presence leaves with it.
  app.addHook('onClose', () => shared.close());
  return app;
}
