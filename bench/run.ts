/**
 * `npm run bench`: the figures issue 8 asks for, every one measured in this run against what it is compared
 * with. Loopback only; every load is bounded in time and count. Prints a table; `--json` also writes
 * bench/results.json for the results table in bench/README.md.
 */
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { fanoutFigures } from './fanout.section.ts';
import { httpFigures } from './http.section.ts';
import { ingestFigures } from './ingest.section.ts';
import { BENCH_ADMIN, startCeiling, startKeluh, type RunningProcess } from './support/processes.ts';
import { BENCH_WHATSAPP } from './support/whatsapp-webhooks.ts';
import { startPostgresForBench } from './support/postgres.ts';
import { emotionFigures, printEmotion } from './emotion.bench.ts';
import { runSimilarCaseBench } from './similar-cases.bench.ts';
import { runReportsBench } from './reports.bench.ts';
import { runSearchBench } from './search.bench.ts';

const basePort = Number(process.env.BENCH_PORT ?? 3301);

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) });
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error(`bench login failed: ${JSON.stringify(body)}`);
  return body.token;
}

async function withProcess<T>(start: () => Promise<RunningProcess>, use: (running: RunningProcess) => Promise<T>): Promise<T> {
  const running = await start();
  try {
    return await use(running);
  } finally {
    await running.stop();
  }
}

async function engineFigures(label: string, databaseUrl: () => Promise<string | undefined>, tag: string) {
  // The widget's per-address limits protect a real site from one abusive address; the bench's 500 visitors
  // all come from loopback, and the limits are not what it measures.
  const env = { ...BENCH_WHATSAPP, WIDGET_SESSION_IP_RATE: '100000/1m', WIDGET_MESSAGE_IP_RATE: '100000/1m' };
  const ingest = await withProcess(
    async () => startKeluh(basePort + 1, { databaseUrl: await databaseUrl(), env }),
    (keluh) => withProcess(() => startCeiling(basePort), (ceiling) => ingestFigures(keluh, ceiling, tag)),
  );
  const rest = await withProcess(
    async () => startKeluh(basePort + 2, { databaseUrl: await databaseUrl(), env }),
    async (keluh) => {
      const token = await login(keluh.url);
      return { fanout: await fanoutFigures(keluh.url, token), http: await httpFigures(keluh.url, token) };
    },
  );
  return { label, ingest, ...rest };
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
const rate = (value: number, unit: string) => `${Math.round(value).toLocaleString('en-US')} ${unit}`.padStart(14);

function print(figures: Awaited<ReturnType<typeof engineFigures>>): void {
  const { ingest, fanout, http } = figures;
  console.log(`\n${figures.label}`);
  const cpu = (micros: number) => `${micros} µs CPU/req`.padStart(16);
  console.log(`  ceiling   bare Fastify + 1 SQLite insert      ${rate(ingest.ceiling.requestsPerSecond, 'req/s')}  p50 ${ms(ingest.ceiling.p50)}  p99 ${ms(ingest.ceiling.p99)}  ${cpu(ingest.ceiling.cpuMicrosPerRequest)}`);
  console.log(`  ingest    signed WhatsApp, 1 message/POST      ${rate(ingest.single.requestsPerSecond, 'msg/s')}  p50 ${ms(ingest.single.p50)}  p99 ${ms(ingest.single.p99)}  ${cpu(ingest.single.cpuMicrosPerRequest)}  = ${(ingest.ratio * 100).toFixed(1)} % of the ceiling (errors ${ingest.single.errors}, 50 connections)`);
  console.log(`  batched   signed WhatsApp, 100 messages/POST   ${rate(ingest.batched.messagesPerSecond, 'msg/s')}  p50 ${ms(ingest.batched.p50)}  p99 ${ms(ingest.batched.p99)}  ${cpu(ingest.batched.cpuMicrosPerRequest)}  (4 POSTs in flight, errors ${ingest.batched.errors})`);
  console.log(`  fan-out   webhook → agent socket               ${`${fanout.agents} agents + ${fanout.visitors} widgets`.padStart(14)}  p50 ${ms(fanout.p50)}  p99 ${ms(fanout.p99)}  (${fanout.samples} timed arrivals)`);
  console.log(`  health    GET /healthz                         ${rate(http.health.requestsPerSecond, 'req/s')}  p50 ${ms(http.health.p50)}  p99 ${ms(http.health.p99)}`);
  console.log(`  inbox     GET /api/tickets?limit=30            ${rate(http.inbox.requestsPerSecond, 'req/s')}  p50 ${ms(http.inbox.p50)}  p99 ${ms(http.inbox.p99)}`);
}

console.log(`Keluh benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, Node ${process.version}, loopback, 1 API process`);
const results = [];
const sqlite = await engineFigures('SQLite (WAL, embedded default)', async () => undefined, 'sq');
print(sqlite);
results.push(sqlite);
// In this process, after the servers stopped: the reader's cost per message beside ingest's CPU per message.
const emotion = emotionFigures(sqlite.ingest.single.cpuMicrosPerRequest);
printEmotion(emotion);
results.push({ label: 'emotion', emotion });
if (!process.argv.includes('--sqlite-only')) {
  const postgres = await startPostgresForBench();
  try {
    const pg = await engineFigures(`PostgreSQL ${postgres.version} (durable: fsync on)`, async () => postgres.freshDatabase(), 'pg');
    print(pg);
    results.push(pg);
  } finally {
    postgres.stop();
  }
}
// Issue 9: similar-case ranking over 100,000 resolved cases, on each engine.
const similarCases = await runSimilarCaseBench({ sqliteOnly: process.argv.includes('--sqlite-only'), records: 100_000 });
results.push({ label: 'Similar-case ranking, 100,000 cases', similarCases });
// Issue 10: every report's and the board's first load on 1 M messages / 100 k tickets, on each engine.
const reports = await runReportsBench({ sqliteOnly: process.argv.includes('--sqlite-only'), tickets: 100_000 });
results.push({ label: 'Reports and board, 1 M messages / 100 k tickets', reports });
// Issue 11: the search box on 1 M messages, on each engine.
const search = await runSearchBench({ sqliteOnly: process.argv.includes('--sqlite-only'), messages: 1_000_000 });
results.push({ label: 'Search, 1 M messages', search });
if (process.argv.includes('--json')) writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2));
