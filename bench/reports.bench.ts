/**
 * Reports and the board on the supervisors' data set (support/seed-supervisor-data.ts: 1 M messages, 100 k
 * tickets, their rollups): each report's first load over HTTP from a freshly started server, on SQLite and
 * on PostgreSQL, against the < 100 ms target (durations also in business hours, marked ·bh), and the board's. The SQLite file is cached in bench/.cache by seed version.
 *
 * Standalone: `npx tsx bench/reports.bench.ts [--sqlite-only] [--tickets=N]`; `npm run bench` runs it too.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { businessDurationMetrics, reportKinds } from '@keluh/core';
import { postgresWriter, sqliteWriter } from './support/bulk-writer.ts';
import { BENCH_ADMIN, startKeluh } from './support/processes.ts';
import { startPostgresForBench } from './support/postgres.ts';
import { SEED_TICKETS, SERVER_TEAMS_CLEARED, SUPERVISOR_SEED_VERSION, seedSupervisorData, type SeedCounts } from './support/seed-supervisor-data.ts';

export const REPORT_TARGET_MS = 100;
const cacheDir = fileURLToPath(new URL('./.cache/', import.meta.url));
const basePort = Number(process.env.BENCH_PORT ?? 3301) + 20;
// The last 30 days of the 90 seeded: a month's report, the range supervisors read most.
const RANGE = 'from=2026-03-02&to=2026-03-31';

export interface ReportFigure {
  name: string;
  byChannelMs: number;
  byAgentMs: number;
}
export interface ReportBenchFigures {
  label: string;
  seed: SeedCounts | null;
  seedSeconds: number;
  reports: ReportFigure[];
  boardMs: number;
  /** The process's very first report (another range, none of the timed data): cold code and connections. */
  coldStartMs: number;
}

/** The server's first start migrates and creates the admin (id 1) with the bench's password, hashed its own way. */
async function prepareWithServer(databaseUrl: string, port: number): Promise<void> {
  await (await startKeluh(port, { databaseUrl })).stop();
}

async function seedInto(writer: Parameters<typeof seedSupervisorData>[0], adminHash: string, tickets: number): Promise<{ counts: SeedCounts; seconds: number }> {
  const started = performance.now();
  const counts = await seedSupervisorData(writer, adminHash, { tickets });
  return { counts, seconds: (performance.now() - started) / 1000 };
}

/** The cached, seeded SQLite file for this seed version (made on first use: migrations, then bulk inserts). */
async function cachedSqlite(tickets: number): Promise<{ file: string; counts: SeedCounts | null; seconds: number }> {
  const file = join(cacheDir, `supervisor-v${SUPERVISOR_SEED_VERSION}-${tickets}.db`);
  if (existsSync(file)) return { file, counts: null, seconds: 0 };
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  await prepareWithServer(`sqlite://${partial}`, basePort + 5);
  const client = new BetterSqlite3(partial);
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = OFF');
  const adminHash = (client.prepare('SELECT password_hash AS hash FROM users WHERE id = 1').get() as { hash: string }).hash;
  for (const statement of SERVER_TEAMS_CLEARED) client.exec(statement);
  const seeded = await seedInto(sqliteWriter(client), adminHash, tickets);
  client.pragma('wal_checkpoint(TRUNCATE)');
  client.exec('ANALYZE');
  client.close();
  // Renamed only when complete: an interrupted seed never leaves a cache that looks whole.
  renameSync(partial, file);
  return { file, ...seeded };
}

async function timeGet(url: string, headers: Record<string, string>): Promise<{ ms: number; status: number }> {
  const at = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  return { ms: performance.now() - at, status: response.status };
}

/** A year before the seeded data: the same code and tables as every timed report, none of their rows. */
const COLD_START_RANGE = 'from=2025-03-02&to=2025-03-31';

async function firstLoads(databaseUrl: string, port: number): Promise<Pick<ReportBenchFigures, 'reports' | 'boardMs' | 'coldStartMs'>> {
  const keluh = await startKeluh(port, { databaseUrl });
  try {
    const login = await fetch(`${keluh.url}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) });
    const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    // A supervisor opens a report on a server that has been up: its database connections exist, and some
    // report has been read before. The process's very first report pays once for what no later one does
    // (each PostgreSQL connection loading the rollup tables' catalog entries, the report code's first
    // compilation): it is timed on a range without the seeded rows and printed apart, so every timed report
    // below is still the first load of its own data.
    await timeGet(`${keluh.url}/api/teams`, headers);
    const coldStart = await timeGet(`${keluh.url}/api/reports/first_response?${COLD_START_RANGE}&groupBy=channel`, headers);
    if (coldStart.status !== 200) throw new Error(`the first report answered ${coldStart.status}`);
    const reports: ReportFigure[] = [];
    for (const name of reportKinds) {
      const byChannel = await timeGet(`${keluh.url}/api/reports/${name}?${RANGE}&groupBy=channel`, headers);
      const byAgent = await timeGet(`${keluh.url}/api/reports/${name}?${RANGE}&groupBy=agent`, headers);
      if (byChannel.status !== 200 || byAgent.status !== 200) throw new Error(`${name} answered ${byChannel.status}/${byAgent.status}`);
      reports.push({ name, byChannelMs: byChannel.ms, byAgentMs: byAgent.ms });
    }
    // Business hours read other rollup rows (the `.business` durations): timed as reports of their own.
    for (const name of businessDurationMetrics) {
      const byChannel = await timeGet(`${keluh.url}/api/reports/${name}?${RANGE}&groupBy=channel&businessHours=true`, headers);
      const byAgent = await timeGet(`${keluh.url}/api/reports/${name}?${RANGE}&groupBy=agent&businessHours=true`, headers);
      if (byChannel.status !== 200 || byAgent.status !== 200) throw new Error(`${name} (business hours) answered ${byChannel.status}/${byAgent.status}`);
      reports.push({ name: `${name}·bh`, byChannelMs: byChannel.ms, byAgentMs: byAgent.ms });
    }
    const board = await timeGet(`${keluh.url}/api/board`, headers);
    if (board.status !== 200) throw new Error(`the board answered ${board.status}`);
    return { reports, boardMs: board.ms, coldStartMs: coldStart.ms };
  } finally {
    await keluh.stop();
  }
}

export function printReportFigures(figures: ReportBenchFigures): void {
  const verdict = (ms: number) => (ms < REPORT_TARGET_MS ? 'ok' : 'MISSES');
  const seeded = figures.seed ? `seeded ${figures.seed.messages.toLocaleString('en-US')} messages, ${figures.seed.tickets.toLocaleString('en-US')} tickets, ${figures.seed.events.toLocaleString('en-US')} events, ${figures.seed.rollups.toLocaleString('en-US')} rollup rows in ${figures.seedSeconds.toFixed(0)} s` : 'cached seed';
  console.log(`\n${figures.label} — ${seeded}; 30-day range, first load over HTTP (target < ${REPORT_TARGET_MS} ms)`);
  for (const report of figures.reports) {
    console.log(`  report    ${report.name.padEnd(17)} by channel ${report.byChannelMs.toFixed(1).padStart(7)} ms ${verdict(report.byChannelMs).padEnd(6)}  by agent ${report.byAgentMs.toFixed(1).padStart(7)} ms ${verdict(report.byAgentMs)}`);
  }
  console.log(`  board     GET /api/board           ${figures.boardMs.toFixed(1).padStart(7)} ms ${verdict(figures.boardMs)}`);
  console.log(`  (the process's very first report, on a range without the seeded rows: ${figures.coldStartMs.toFixed(1)} ms — cold start, not a first load)`);
}

export async function runReportsBench(options: { sqliteOnly: boolean; postgresOnly?: boolean; tickets: number }): Promise<ReportBenchFigures[]> {
  const results: ReportBenchFigures[] = [];
  if (options.postgresOnly) return runPostgres(options.tickets, results);
  const cached = await cachedSqlite(options.tickets);
  // The server writes (sessions, jobs): it runs on a copy, so the cache stays as seeded.
  const folder = mkdtempSync(join(tmpdir(), 'keluh-bench-reports-'));
  try {
    const copy = join(folder, 'reports.db');
    copyFileSync(cached.file, copy);
    results.push({ label: 'SQLite', seed: cached.counts, seedSeconds: cached.seconds, ...(await firstLoads(`sqlite://${copy}`, basePort)) });
    printReportFigures(results.at(-1)!);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  if (options.sqliteOnly) return results;
  return runPostgres(options.tickets, results);
}

async function runPostgres(tickets: number, results: ReportBenchFigures[]): Promise<ReportBenchFigures[]> {
  const options = { tickets };
  const postgres = await startPostgresForBench();
  try {
    const url = await postgres.freshDatabase();
    await prepareWithServer(url, basePort + 6);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let seeded;
    try {
      await client.query('SET synchronous_commit = off');
      const adminHash = String((await client.query('SELECT password_hash FROM users WHERE id = 1')).rows[0]?.password_hash);
      for (const statement of SERVER_TEAMS_CLEARED) await client.query(statement);
      seeded = await seedInto(postgresWriter(client), adminHash, options.tickets);
      // Explicit ids were inserted: the identity sequences must start after them, as the app inserts next.
      for (const table of ['teams', 'users', 'customers', 'tickets', 'messages', 'events', 'stage_transitions', 'promises', 'reviews']) {
        await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT COALESCE(MAX(id), 1) FROM "${table}"))`);
      }
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
    results.push({ label: `PostgreSQL ${postgres.version}`, seed: seeded.counts, seedSeconds: seeded.seconds, ...(await firstLoads(url, basePort + 1)) });
    printReportFigures(results.at(-1)!);
  } finally {
    postgres.stop();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const tickets = Number(process.argv.find((arg) => arg.startsWith('--tickets='))?.split('=')[1] ?? SEED_TICKETS);
  await runReportsBench({ sqliteOnly: process.argv.includes('--sqlite-only'), postgresOnly: process.argv.includes('--postgres-only'), tickets });
}
