import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '@keluh/core';
import { openPostgresDatabase, openSqliteDatabase } from '@keluh/db';
import { createMetaSim, type DeliveryReport } from '@keluh/meta-sim';
import { startCluster, type Cluster, type ClusterNode } from '../cluster.ts';
import { runAgents, type ReplyAttempt } from './chaos-agents.ts';
import { planTraffic, type PlannedDelivery } from './chaos-traffic.ts';
import { verifyChaos } from './chaos-verify.ts';

/*
 * One chaos run: meta-sim delivers messages with duplicates, batches and reordering to the API processes
 * while agents queue replies, and the processes are killed with SIGKILL and restarted twice — once in the
 * middle of the inbound traffic, once at the worst moment for the outbox: while Meta is accepting a reply
 * the process has not recorded as sent yet. Meta redelivers whatever was not answered 200, which is what
 * makes "nothing acknowledged before commit" checkable. The short run is a Vitest test, the full one
 * `npm run chaos`; both come here.
 */

export interface ChaosOptions {
  /** `postgres://…` (a fresh, empty database); omitted: SQLite, one file. */
  databaseUrl?: string;
  redisUrl?: string;
  processes: number;
  messages: number;
  customers: number;
  replies: number;
  seed?: number;
  /** Concurrent webhook deliveries (Meta sends several at once). */
  lanes?: number;
  /** OUTBOX_LEASE for the processes (default 6 s): how soon a dead process's claimed sends are let go. */
  outboxLeaseMs?: number;
  log?: (line: string) => void;
}

export interface ChaosKill {
  atMs: number;
  nodes: number[];
  during: 'ingest' | 'a reply Meta was accepting';
  restartedInMs: number;
  /** The reply Meta was accepting as every process died: sent, but recorded nowhere yet. */
  reply?: string;
}

export interface ChaosReport {
  engine: 'sqlite' | 'postgres';
  processes: number;
  messages: number;
  customers: number;
  /** POSTs planned, Meta's duplicates included. */
  deliveries: number;
  /** Every inbound POST attempt Meta made, and those not answered 200 (which Meta then retried). */
  attempts: number;
  failedAttempts: number;
  /** Why they failed: an HTTP status, or the connection error (a process down, a timeout). */
  failures: Record<string, number>;
  /** Lines the processes logged at error level or above (pino level ≥ 50), the first few. */
  errorLogs: string[];
  kills: ChaosKill[];
  replies: { attempted: number; queued: number; unanswered: number; stored: number; sent: number };
  inboundStored: number;
  timings: { totalMs: number; trafficMs: number; drainMs: number };
  problems: string[];
}

/** Meta retries for days (§2.5); compressed here, but long enough to outlast a restart. */
const META_RETRY_DELAYS_MS = [0, 100, 250, 500, ...Array<number>(90).fill(1_000)];

async function openVerifier(url: string): Promise<Database> {
  return url.startsWith('postgres') ? openPostgresDatabase(url, { poolSize: 2 }) : openSqliteDatabase(url);
}

/** Waits until nothing is left to send: no outbox row pending (sent, or failed for good). */
async function drained(db: Database, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if ((await db.outbox.listPending(1)).length === 0) return;
    await sleep(250);
  }
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const leaseMs = options.outboxLeaseMs ?? 6_000;
  const onSend = new Set<() => void>();
  const sim = createMetaSim({
    knobs: { delivery: { retryDelaysMs: META_RETRY_DELAYS_MS, maxAttempts: META_RETRY_DELAYS_MS.length + 1 } },
    log: (line) => {
      if (line.startsWith('[whatsapp] ← send')) for (const hook of onSend) hook();
    },
  });
  await sim.start();
  let cluster: Cluster | null = null;
  let db: Database | null = null;
  try {
    cluster = await startCluster({ processes: options.processes, databaseUrl: options.databaseUrl, redisUrl: options.redisUrl, sim, env: { OUTBOX_LEASE: `${leaseMs}ms` } });
    // Statuses go where Meta's one callback URL points: the last process.
    sim.knobs.whatsapp.webhookUrl = cluster.webhookUrl(options.processes - 1, 'whatsapp');
    db = await openVerifier(cluster.databaseUrl);
    const token = await cluster.signIn(0);
    const tag = `${options.seed ?? 1}`;
    const plan = planTraffic({ messages: options.messages, customers: options.customers, seed: options.seed ?? 1, tag, business: sim.webhooks.whatsapp.business });
    log(`planned ${plan.messages.length} messages from ${plan.customers.length} customers in ${plan.deliveries.length} POSTs`);

    const trafficStarted = Date.now();
    const problems: string[] = [];
    const kills: ChaosKill[] = [];
    const restarts: Promise<void>[] = [];
    let done = 0;
    const progress = () => done / plan.deliveries.length;

    const killAndRestart = (nodes: ClusterNode[], during: ChaosKill['during'], reply?: string) => {
      const kill: ChaosKill = { atMs: Date.now() - trafficStarted, nodes: nodes.map((node) => node.index), during, restartedInMs: 0, ...(reply && { reply }) };
      kills.push(kill);
      log(`kill -9 node ${kill.nodes.join(' and ')} during ${during} at ${(kill.atMs / 1000).toFixed(1)} s`);
      // The signals go out now, synchronously: before a response Meta is about to write can be read.
      const dying = nodes.map((node) => node.kill());
      restarts.push(
        (async () => {
          await Promise.all(dying);
          await Promise.all(nodes.map((node) => node.restart()));
          kill.restartedInMs = Date.now() - trafficStarted - kill.atMs;
          log(`node ${kill.nodes.join(' and ')} up again after ${kill.restartedInMs} ms`);
        })(),
      );
    };
    let armed = 0;
    let fallback: NodeJS.Timeout | undefined;
    const killEverything = (during: ChaosKill['during'], reply?: string) => {
      clearTimeout(fallback);
      onSend.clear();
      killAndRestart(cluster!.nodes, during, reply);
    };
    const maybeKill = () => {
      if (armed === 0 && progress() >= 0.3) {
        armed = 1;
        killAndRestart([cluster!.nodes[0]!], 'ingest');
      } else if (armed === 1 && progress() >= 0.65 && cluster!.nodes.every((node) => node.running)) {
        armed = 2;
        // The second kill waits for Meta to be accepting a reply: every process dies before it can record it.
        fallback = setTimeout(() => killEverything('ingest'), 5_000);
        onSend.add(() => killEverything('a reply Meta was accepting', sim.state.sent.at(-1)?.text));
      }
    };

    const deliver = async (delivery: PlannedDelivery) => {
      const count = options.processes;
      const url = cluster!.webhookUrl(delivery.node % count, 'whatsapp');
      const send = (to: string) => sim.webhooks.whatsapp.deliver(delivery.payload, { url: to, duplicate: 'none' });
      let reports: DeliveryReport[];
      if (delivery.duplicate === 'concurrent') reports = await Promise.all([send(url), send(cluster!.webhookUrl((delivery.node + 1) % count, 'whatsapp'))]);
      else if (delivery.duplicate === 'sequential') reports = [await send(url), await send(url)];
      else reports = [await send(url)];
      for (const report of reports) {
        if (!report.delivered) problems.push(`Meta gave up on a POST of ${delivery.wamids.length} messages after ${report.attempts.length} attempts (${report.attempts.at(-1)?.status ?? report.attempts.at(-1)?.error})`);
      }
    };
    const queue = [...plan.deliveries];
    const lane = async () => {
      for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
        await deliver(delivery);
        done += 1;
        maybeKill();
      }
    };
    const agents = runAgents({ cluster, token, replies: options.replies, tag, progress });
    await Promise.all(Array.from({ length: options.lanes ?? 8 }, lane));
    const replies: ReplyAttempt[] = await agents;
    // The second kill may still be waiting for a send (5 s at most): the run ends only after it, and restarts.
    while (armed === 2 && kills.length < 2) await sleep(50);
    await Promise.all(restarts);
    if (kills.length < 2) problems.push(`only ${kills.length} of the 2 kills happened: the traffic ended first`);
    const trafficMs = Date.now() - trafficStarted;
    log(`traffic done in ${(trafficMs / 1000).toFixed(1)} s; waiting for the outbox`);

    const drainStarted = Date.now();
    // Bounded: two leases for a send left in flight, then Meta's throughput limit and the outbox back-off.
    await drained(db, 2 * leaseMs + 120_000);
    await sim.settle(30_000);
    const drainMs = Date.now() - drainStarted;

    const verification = await verifyChaos(db, plan, replies, sim.state.sent, trafficStarted);
    const inboundUrls = new Set(cluster.nodes.map((_, index) => cluster!.webhookUrl(index, 'whatsapp')));
    const inboundAttempts = sim.state.deliveries.filter((attempt) => inboundUrls.has(attempt.url) && !isStatusDelivery(attempt.bytes));
    const failures: Record<string, number> = {};
    for (const attempt of inboundAttempts.filter((a) => a.status !== 200)) {
      const reason = attempt.status !== null ? `HTTP ${attempt.status}` : (attempt.error ?? 'no answer');
      failures[reason] = (failures[reason] ?? 0) + 1;
    }
    const errorLogs = cluster.nodes.flatMap((node) => node.output().split('\n').filter((line) => /"level":(5|6)0/.test(line)).map((line) => `node ${node.index}: ${line}`));
    for (const node of cluster.nodes) {
      const code = await node.stop();
      if (code !== 0) problems.push(`node ${node.index} did not shut down cleanly on SIGTERM (exit ${code})`);
    }
    return {
      engine: cluster.databaseUrl.startsWith('postgres') ? 'postgres' : 'sqlite',
      processes: options.processes,
      messages: plan.messages.length,
      customers: plan.customers.length,
      deliveries: plan.deliveries.reduce((sum, delivery) => sum + (delivery.duplicate === 'none' ? 1 : 2), 0),
      attempts: inboundAttempts.length,
      failedAttempts: inboundAttempts.filter((attempt) => attempt.status !== 200).length,
      failures,
      errorLogs: errorLogs.slice(0, 20),
      kills,
      replies: {
        attempted: replies.length,
        queued: replies.filter((reply) => reply.outcome === 'queued').length,
        unanswered: replies.filter((reply) => reply.outcome === 'unanswered').length,
        stored: verification.repliesStored,
        sent: verification.repliesSent,
      },
      inboundStored: verification.inboundStored,
      timings: { totalMs: Date.now() - started, trafficMs, drainMs },
      problems: [...problems, ...verification.problems],
    };
  } finally {
    await db?.close();
    await cluster?.stop();
    await sim.stop();
  }
}

/** Status webhooks go to the same URL as messages; they are told apart by their body. */
function isStatusDelivery(bytes: Buffer): boolean {
  return bytes.includes('"statuses":');
}
