import { drive, type LoadResult } from './support/load.ts';
import { whatsappWebhooks } from './support/whatsapp-webhooks.ts';

export interface IngestFigures {
  ceiling: LoadResult;
  single: LoadResult;
  batched: LoadResult & { messagesPerSecond: number };
  /** single throughput as a share of the ceiling's */
  ratio: number;
}

const CONNECTIONS = 50;
const SECONDS = 8;
/** More unique deliveries than the fastest run can send: a repeated id would measure the dedupe path. */
const SINGLE_POSTS = 80_000;
const BATCH = 100;

/**
 * Signed WhatsApp webhooks, one message per POST from 500 customers over 50 connections, against the
 * ceiling (bare Fastify + one SQLite insert) driven identically in the same run; then 100 messages per POST.
 */
export async function ingestFigures(keluhUrl: string, ceilingUrl: string, tag: string): Promise<IngestFigures> {
  const single = whatsappWebhooks({ posts: SINGLE_POSTS, batch: 1, customers: 500, tag: `${tag}s` });
  const ceiling = await drive(`${ceilingUrl}/webhooks/whatsapp`, { connections: CONNECTIONS, seconds: SECONDS, requests: single });
  const ingest = await drive(`${keluhUrl}/webhooks/whatsapp`, { connections: CONNECTIONS, seconds: SECONDS, requests: single });
  if (ingest.requests > SINGLE_POSTS) throw new Error('the single-message run outgrew its unique deliveries; raise SINGLE_POSTS');
  const batches = whatsappWebhooks({ posts: 2_000, batch: BATCH, customers: 500, tag: `${tag}b` });
  const batched = await drive(`${keluhUrl}/webhooks/whatsapp`, { connections: 4, seconds: SECONDS, requests: batches });
  if (batched.requests > batches.length) throw new Error('the batched run outgrew its unique deliveries');
  return {
    ceiling,
    single: ingest,
    batched: { ...batched, messagesPerSecond: batched.requestsPerSecond * BATCH },
    ratio: ingest.requestsPerSecond / ceiling.requestsPerSecond,
  };
}
