import { setTimeout as sleep } from 'node:timers/promises';
import { demoConfigFromEnv, type DemoConfig } from './demo.config.ts';
import { DEMO_CONVERSATIONS, DEMO_PHOTO_PNG, DEMO_VOICE_OGG, interleave, type DemoConversation, type DemoStep } from './demo.script.ts';
import { mergeKnobs, type DeepPartial } from './knobs.defaults.ts';
import type { MetaSimKnobs } from './knobs.ts';
import { createMetaSim, type MetaSim } from './meta-sim.ts';
import { ig, type IgEventSpec } from './payloads.instagram.ts';
import { wa, type WaMessageSpec } from './payloads.whatsapp.ts';
import type { DeliveryReport } from './webhook.sender.ts';

/**
 * Runs the sim as Meta for a live help desk: serves the Graph API on a fixed port (so the adapters'
 * replies land here and produce status webhooks / echoes) and plays the scripted complaints into
 * `/webhooks/whatsapp` and `/webhooks/instagram`, one message every `intervalMs`. Bounded: it stops
 * sending after the script; the Graph API keeps serving until `stop()`.
 */

export interface StartMetaSimOptions extends Partial<DemoConfig> {
  host?: string;
  whatsappWebhookPath?: string;
  instagramWebhookPath?: string;
  /** false = only serve the Graph API. */
  runScript?: boolean;
  conversations?: DemoConversation[];
  /** How long to wait for the help desk to answer at all before the first message. */
  waitForTargetMs?: number;
  knobs?: DeepPartial<MetaSimKnobs>;
  log?: (line: string) => void;
}

export interface DemoSummary {
  sent: number;
  failed: number;
}

export interface DemoSimHandle {
  sim: MetaSim;
  /** Resolves when the script has been played (immediately when `runScript` is false). */
  done: Promise<DemoSummary>;
  stop(): Promise<void>;
}

/** Starts the sim for a demo; without options it reads KELUH_URL, META_SIM_PORT and the secrets from env. */
export async function startMetaSim(options: StartMetaSimOptions = {}): Promise<DemoSimHandle> {
  const config = { ...demoConfigFromEnv(), ...options };
  const log = options.log ?? ((line: string) => console.log(line));
  const sim = createMetaSim({
    port: config.port,
    host: options.host ?? '127.0.0.1',
    log,
    knobs: mergeKnobs<DeepPartial<MetaSimKnobs>>({
      whatsapp: {
        accessToken: config.whatsappAccessToken,
        appSecret: config.whatsappAppSecret,
        webhookUrl: `${config.keluhUrl}${options.whatsappWebhookPath ?? '/webhooks/whatsapp'}`,
        // A human pace for ticks in the console: sent, then delivered, then read a few seconds later.
        statuses: { delaysMs: { sent: 500, delivered: 1500, read: 4000 } },
      },
      instagram: {
        accessToken: config.instagramAccessToken,
        appSecret: config.instagramAppSecret,
        webhookUrl: `${config.keluhUrl}${options.instagramWebhookPath ?? '/webhooks/instagram'}`,
        profiles: profilesOf(options.conversations ?? DEMO_CONVERSATIONS),
        echoes: { delayMs: 300 },
      },
      delivery: { retryDelaysMs: [0, 1000, 3000, 10_000], maxAttempts: 5 },
    }, options.knobs),
  });
  await sim.start();
  log(`meta-sim: Graph API on ${sim.graphUrl()} · webhooks → ${config.keluhUrl}`);
  const stopped = new AbortController();
  const done =
    options.runScript === false
      ? Promise.resolve({ sent: 0, failed: 0 })
      : playScript(sim, config, options, log, stopped.signal).catch((error: unknown) => {
          log(`meta-sim: script aborted (${String(error)})`);
          return { sent: 0, failed: 0 };
        });
  return {
    sim,
    done,
    async stop() {
      stopped.abort();
      await sim.stop();
    },
  };
}

async function playScript(sim: MetaSim, config: DemoConfig, options: StartMetaSimOptions, log: (line: string) => void, signal: AbortSignal): Promise<DemoSummary> {
  await waitForTarget(config.keluhUrl, options.waitForTargetMs ?? 30_000, log, signal);
  const timeline = interleave(options.conversations ?? DEMO_CONVERSATIONS);
  const summary: DemoSummary = { sent: 0, failed: 0 };
  for (const [index, { conversation, step }] of timeline.entries()) {
    if (signal.aborted) break;
    if (index > 0) await sleep(config.intervalMs, undefined, { signal });
    const report = await deliverStep(sim, conversation, step);
    const ok = report.delivered;
    summary[ok ? 'sent' : 'failed'] += 1;
    const status = report.attempts.at(-1)?.status ?? report.attempts.at(-1)?.error ?? report.skipped;
    log(`→ [${conversation.channel === 'whatsapp' ? 'WA' : 'IG'}] ${conversation.name} (${conversation.topic}): ${describe(step)} · ${ok ? 'ok' : `FAILED ${String(status)}`}`);
  }
  log(`meta-sim: script finished — ${summary.sent} delivered, ${summary.failed} failed; still serving the Graph API (Ctrl-C to stop)`);
  return summary;
}

function deliverStep(sim: MetaSim, conversation: DemoConversation, step: DemoStep): Promise<DeliveryReport> {
  if (conversation.channel === 'whatsapp') {
    const customer = { name: conversation.name, waId: conversation.waId };
    return sim.webhooks.whatsapp.inbound(customer, whatsappSpec(sim, step));
  }
  return sim.webhooks.instagram.inbound(conversation.igsid, instagramSpec(sim, step));
}

function whatsappSpec(sim: MetaSim, step: DemoStep): WaMessageSpec {
  switch (step.kind) {
    case 'photo':
      return wa.image(sim.media.describe(sim.media.add(DEMO_PHOTO_PNG, 'image/png')), step.caption !== undefined ? { caption: step.caption } : {});
    case 'voice':
      return wa.audio(sim.media.describe(sim.media.add(DEMO_VOICE_OGG, 'audio/ogg; codecs=opus')), { voice: true });
    case 'location':
      return wa.location({ latitude: step.latitude, longitude: step.longitude, name: step.name, address: step.address });
    case 'storyReply':
    case 'text':
      return wa.text(step.text);
  }
}

function instagramSpec(sim: MetaSim, step: DemoStep): IgEventSpec {
  switch (step.kind) {
    case 'photo':
      return ig.image(sim.webhooks.instagram.cdnUrl(DEMO_PHOTO_PNG, 'image/png'));
    case 'voice':
      return ig.audio(sim.webhooks.instagram.cdnUrl(DEMO_VOICE_OGG, 'audio/ogg'));
    case 'storyReply':
      return ig.storyReply(step.text, { url: sim.webhooks.instagram.cdnUrl(DEMO_PHOTO_PNG, 'image/png'), id: '18034455667788990' });
    case 'location':
      return ig.text(`${step.name}: ${step.address}`);
    case 'text':
      return ig.text(step.text);
  }
}

function describe(step: DemoStep): string {
  switch (step.kind) {
    case 'text':
    case 'storyReply':
      return step.kind === 'text' ? step.text : `(story reply) ${step.text}`;
    case 'photo':
      return `(photo)${step.caption ? ` ${step.caption}` : ''}`;
    case 'voice':
      return '(voice note)';
    case 'location':
      return `(location) ${step.name}, ${step.address}`;
  }
}

function profilesOf(conversations: DemoConversation[]): MetaSimKnobs['instagram']['profiles'] {
  const profiles: MetaSimKnobs['instagram']['profiles'] = {};
  for (const c of conversations) {
    if (c.channel === 'instagram') profiles[c.igsid] = { name: c.name, username: c.username, profile_pic: null };
  }
  return profiles;
}

/** The help desk may still be booting (same `npm start`); any HTTP answer means it is listening. */
async function waitForTarget(baseUrl: string, timeoutMs: number, log: (line: string) => void, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let warned = false;
  while (Date.now() < deadline && !signal.aborted) {
    try {
      await fetch(baseUrl, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      if (!warned) log(`meta-sim: waiting for the help desk at ${baseUrl} …`);
      warned = true;
      await sleep(500, undefined, { signal }).catch(() => {});
    }
  }
  log(`meta-sim: ${baseUrl} did not answer; sending anyway (deliveries will retry)`);
}
