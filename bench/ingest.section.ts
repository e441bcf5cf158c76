import { cpuSecondsOf } from './support/cpu-time.ts';
import { drive, type LoadResult, type PreparedRequest } from './support/load.ts';
import type { RunningProcess } from './support/processes.ts';
import { whatsappWebhooks } from './support/whatsapp-webhooks.ts';

/** A load figure plus the server CPU it cost: steadier than throughput on a machine shared with the load generator. */
export type CostedResult = LoadResult & { cpuMicrosPerRequest: number };

export interface IngestFigures {
  ceiling: CostedResult;
  single: CostedResult;
  batched: CostedResult & { messagesPerSecond: number };
  /** single throughput as a share of the ceiling's, measured in the same run */
  ratio: number;
}

const CONNECTIONS = 50;
const SECONDS = 8;
/** More unique deliveries than the fastest run can send: a repeated id would measure the dedupe path. */
const SINGLE_POSTS = 120_000;
const BATCH = 100;

async function costed(server: RunningProcess, requests: PreparedRequest[], connections: number, unique = true): Promise<CostedResult> {
  const before = cpuSecondsOf(server.process.pid!);
  const result = await drive(`${server.url}/webhooks/whatsapp`, { connections, seconds: SECONDS, requests });
  const cpu = cpuSecondsOf(server.process.pid!) - before;
  if (unique && result.requests > requests.length) throw new Error('a run outgrew its unique deliveries; raise its count');
  return { ...result, cpuMicrosPerRequest: Math.round((cpu * 1e6) / Math.max(1, result.requests)) };
}

/**
 * Signed WhatsApp webhooks, one message per POST from 500 customers over 50 connections, against the
 * ceiling (bare Fastify + one SQLite insert) driven identically in the same run; then 100 messages per POST.
 */
export async function ingestFigures(keluh: RunningProcess, ceiling: RunningProcess, tag: string): Promise<IngestFigures> {
  const single = whatsappWebhooks({ posts: SINGLE_POSTS, batch: 1, customers: 500, tag: `${tag}s` });
  // The ceiling only inserts what it gets: repeating bodies changes nothing for it.
  const ceilingResult = await costed(ceiling, single, CONNECTIONS, false);
  const ingest = await costed(keluh, single, CONNECTIONS);
  const batched = await costed(keluh, whatsappWebhooks({ posts: 2_000, batch: BATCH, customers: 500, tag: `${tag}b` }), 4);
  return {
    ceiling: ceilingResult,
    single: ingest,
    batched: { ...batched, messagesPerSecond: batched.requestsPerSecond * BATCH },
    ratio: ingest.requestsPerSecond / ceilingResult.requestsPerSecond,
  };
}
