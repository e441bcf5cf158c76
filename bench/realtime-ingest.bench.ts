/**
 * How fast does the help desk take in web-chat messages and serve the inbox?
 * Baseline in the same run: GET /healthz (one trivial database read) — the floor for any request.
 * Loopback only; every loop is bounded in count and time.
 */
import autocannon from 'autocannon';
import { io } from 'socket.io-client';
import { VISITOR_NAMESPACE } from '@keluh/contracts';
import { percentile, startServer } from './support/server.ts';
import { BENCH_WHATSAPP, whatsappWebhookFigures } from './support/whatsapp-webhooks.ts';

const VISITORS = 20;
const MESSAGES_EACH = 25;
const HTTP_SECONDS = 4;

async function httpFigures(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 10, duration: HTTP_SECONDS, headers });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function ingestFigures(url: string) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: VISITORS }, async (_, visitorIndex) => {
      const session = (await (await fetch(`${url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { visitorToken: string };
      const socket = io(`${url}${VISITOR_NAMESPACE}`, { auth: { visitorToken: session.visitorToken }, transports: ['websocket'] });
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      for (let n = 0; n < MESSAGES_EACH; n += 1) {
        const sentAt = performance.now();
        await new Promise((resolve) => socket.emit('message.send', { clientMessageId: `bench-${visitorIndex}-${n}`, body: `Pesanan ${n} belum sampai` }, resolve));
        latencies.push(performance.now() - sentAt);
      }
      socket.disconnect();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { messages: latencies.length, perSecond: Math.round(latencies.length / seconds), p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

// The bench measures ingest, not the widget's abuse limits: 20 visitors on one loopback address send
// 500 messages in seconds, far past the per-visitor and per-address defaults.
const UNLIMITED_WIDGET = { WIDGET_MESSAGE_RATE: '1000000/1m', WIDGET_MESSAGE_IP_RATE: '1000000/1m', WIDGET_SESSION_IP_RATE: '1000000/1m' };
const server = await startServer(Number(process.env.BENCH_PORT ?? 3301), { ...BENCH_WHATSAPP, ...UNLIMITED_WIDGET });
try {
  const login = (await (await fetch(`${server.url}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@keluh.test', password: server.adminPassword }) })).json()) as { token: string };
  const baseline = await httpFigures(`${server.url}/healthz`);
  const ingest = await ingestFigures(server.url);
  const inbox = await httpFigures(`${server.url}/api/tickets?limit=30`, { authorization: `Bearer ${login.token}` });
  const waSingle = await whatsappWebhookFigures(server.url, { posts: 300, batch: 1, concurrency: 10 });
  const waBatch = await whatsappWebhookFigures(server.url, { posts: 30, batch: 100, concurrency: 4 });
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log('\nKeluh benchmark (loopback, SQLite WAL, 1 API process)\n');
  console.log(`baseline  GET /healthz             ${baseline.rps} req/s   p50 ${ms(baseline.p50)}   p99 ${ms(baseline.p99)}   errors ${baseline.errors}`);
  console.log(`inbox     GET /api/tickets?limit=30 ${inbox.rps} req/s   p50 ${ms(inbox.p50)}   p99 ${ms(inbox.p99)}   errors ${inbox.errors}   (${VISITORS} tickets)`);
  console.log(`ingest    web-chat message → ack    ${ingest.perSecond} msg/s   p50 ${ms(ingest.p50)}   p95 ${ms(ingest.p95)}   p99 ${ms(ingest.p99)}   (${ingest.messages} messages, ${VISITORS} visitors)`);
  console.log(`whatsapp  webhook, 1 message/POST     ${waSingle.messagesPerSecond} msg/s   p50 ${ms(waSingle.p50)}   p99 ${ms(waSingle.p99)}   (${waSingle.posts} signed POSTs, 10 in flight)`);
  console.log(`whatsapp  webhook, 100 messages/POST  ${waBatch.messagesPerSecond} msg/s   p50 ${ms(waBatch.p50)}   p99 ${ms(waBatch.p99)}   (${waBatch.posts} signed POSTs, 4 in flight)`);
  console.log(`inbox/baseline throughput ratio: ${(inbox.rps / baseline.rps).toFixed(2)}`);
} finally {
  await server.stop();
}
