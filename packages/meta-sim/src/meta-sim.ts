import { setMaxListeners } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InstagramWebhooks, WhatsAppWebhooks } from './channel.webhooks.ts';
import { InstagramCustomer, WhatsAppCustomer } from './customer.taps.ts';
import { InstagramGraphRoutes } from './graph-instagram.routes.ts';
import { MediaRoutes } from './graph-media.routes.ts';
import { WhatsAppGraphRoutes } from './graph-whatsapp.routes.ts';
import { buildGraphRouter, graphErrorResponse, graphNotFound } from './graph.routes.ts';
import { createRouterServer } from './http.router.ts';
import { defaultKnobs, mergeKnobs, type DeepPartial } from './knobs.defaults.ts';
import type { MetaSimKnobs } from './knobs.ts';
import { MediaStore } from './media.store.ts';
import type { WaCustomer } from './payloads.whatsapp.ts';
import { SlidingWindowLimiter, TokenBucketLimiter } from './rate.limiter.ts';
import type { SimCore } from './sim.core.ts';
import { clearState, emptyState, type MetaSimState } from './state.ts';
import { InstagramEchoEmitter, WhatsAppStatusEmitter } from './status.emitter.ts';
import { TaskTracker } from './task.tracker.ts';
import { recordInbound } from './window.rules.ts';
import { verifyHandshake, WebhookSender } from './webhook.sender.ts';

/**
 * The local stand-in for Meta: a Graph API fake (WhatsApp Cloud API + Instagram Messaging) on
 * 127.0.0.1 and a webhook sender that calls our help desk the way Meta does. See channels.md §2.11
 * and §3.10 for what it must do; `knobs` bends every behaviour per test.
 */

export interface MetaSimOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  knobs?: DeepPartial<MetaSimKnobs>;
  /** Receives one line per notable event (sends, rejections, disabled webhooks). Silent by default. */
  log?: (line: string) => void;
}

export interface MetaSim {
  /** `http://127.0.0.1:<port>`; the Graph base is `${url}/v23.0` (any vNN.N works). */
  readonly url: string;
  readonly knobs: MetaSimKnobs;
  readonly state: MetaSimState;
  readonly media: MediaStore;
  readonly webhooks: {
    whatsapp: WhatsAppWebhooks;
    instagram: InstagramWebhooks;
    sender: WebhookSender;
    verifyHandshake: typeof verifyHandshake;
  };
  /** Test shortcuts for the messaging windows (§2.8, §3.6). */
  readonly whatsapp: { customerWrote(customer: string, at?: number): void };
  readonly instagram: { customerWrote(igsid: string, at?: number): void };
  /** The customer answering our structured messages with a tap (§9), as Meta then notifies us. */
  readonly customers: { whatsapp: WhatsAppCustomer; instagram: InstagramCustomer };
  start(): Promise<MetaSim>;
  stop(): Promise<void>;
  /** Restores the knobs given at creation, clears state, media and limits, cancels pending webhooks. */
  reset(): void;
  /** Waits until every scheduled status/echo webhook has been delivered (or given up). */
  settle(timeoutMs?: number): Promise<void>;
  /** The sim clock: Date.now() + knobs.clockOffsetMs. */
  now(): number;
  advanceClock(ms: number): void;
  graphUrl(version?: string): string;
}

/**
 * Every webhook in flight listens on the stop signal (its fetch is aborted by it), and Meta sends many at
 * once: more than Node's default of ten listeners is expected, not a leak.
 */
function stopController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

export function createMetaSim(options: MetaSimOptions = {}): MetaSim {
  const initial = mergeKnobs<MetaSimKnobs>(defaultKnobs(), options.knobs);
  const knobs = structuredClone(initial);
  const state = emptyState();
  const log = options.log ?? (() => {});
  let server: Server | undefined;
  let url: string | undefined;
  let stopSignal = stopController();
  const now = () => Date.now() + knobs.clockOffsetMs;
  const tasks = new TaskTracker();

  const core: SimCore = {
    knobs,
    state,
    media: new MediaStore(now, () => knobs.media),
    tasks,
    sender: new WebhookSender({
      knobs: () => knobs.delivery,
      onAttempt: (attempt) => state.deliveries.push(attempt),
      signal: () => stopSignal.signal,
    }),
    limits: { waNumber: new SlidingWindowLimiter(now), waPair: new TokenBucketLimiter(now), igSends: new SlidingWindowLimiter(now) },
    waContacts: new Map<string, WaCustomer>(),
    now,
    signal: () => stopSignal.signal,
    baseUrl: () => {
      if (!url) throw new Error('meta-sim: not started');
      return url;
    },
    log,
  };
  const whatsappWebhooks = new WhatsAppWebhooks(core);
  const instagramWebhooks = new InstagramWebhooks(core);
  const router = buildGraphRouter({
    core,
    whatsapp: new WhatsAppGraphRoutes(core, new WhatsAppStatusEmitter(core, whatsappWebhooks)),
    instagram: new InstagramGraphRoutes(core, new InstagramEchoEmitter(core, instagramWebhooks)),
    media: new MediaRoutes(core),
    instagramWebhooks,
  });

  const sim: MetaSim = {
    get url() {
      return core.baseUrl();
    },
    knobs,
    state,
    media: core.media,
    webhooks: { whatsapp: whatsappWebhooks, instagram: instagramWebhooks, sender: core.sender, verifyHandshake },
    whatsapp: { customerWrote: (customer, at = now()) => recordInbound(knobs.whatsapp, customer, at) },
    instagram: { customerWrote: (igsid, at = now()) => recordInbound(knobs.instagram, igsid, at) },
    customers: { whatsapp: new WhatsAppCustomer(core, whatsappWebhooks), instagram: new InstagramCustomer(core, instagramWebhooks) },

    async start() {
      if (server) return sim;
      stopSignal = stopController();
      const created = createRouterServer(router, {
        notFound: graphNotFound,
        onError: (error, request) => graphErrorResponse(core, error, request),
      });
      await new Promise<void>((resolve, reject) => {
        created.once('error', reject);
        created.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
      });
      const address = created.address() as AddressInfo;
      server = created;
      url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
      return sim;
    },

    async stop() {
      tasks.cancel();
      stopSignal.abort();
      await tasks.settle().catch(() => {});
      const running = server;
      server = undefined;
      if (!running) return;
      running.closeAllConnections();
      await new Promise<void>((resolve) => running.close(() => resolve()));
    },

    reset() {
      tasks.cancel();
      stopSignal.abort();
      stopSignal = stopController();
      const fresh = structuredClone(initial);
      for (const key of Object.keys(fresh) as (keyof MetaSimKnobs)[]) (knobs as unknown as Record<string, unknown>)[key] = fresh[key];
      clearState(state);
      core.media.clear();
      core.limits.waNumber.clear();
      core.limits.waPair.clear();
      core.limits.igSends.clear();
      core.waContacts.clear();
      whatsappWebhooks.resetFailures();
      instagramWebhooks.resetFailures();
    },

    settle: (timeoutMs) => tasks.settle(timeoutMs),
    now,
    advanceClock(ms) {
      knobs.clockOffsetMs += ms;
    },
    graphUrl: (version = 'v23.0') => `${core.baseUrl()}/${version}`,
  };
  return sim;
}
