/**
 * Similar-case ranking at scale: 100,000 realistic resolved complaints (packages/db's case corpus:
 * Indonesian and English, products, couriers, order numbers, amounts) in a temporary SQLite file, and in
 * PostgreSQL when the bench has one, then 500 searches with 10–24-term queries built by core's
 * similarCaseQuery from new complaints, timed one by one through the repository port. Target: p99 < 50 ms.
 *
 * Standalone: `npx tsx bench/similar-cases.bench.ts [--sqlite-only] [--records=N]`; `npm run bench` runs it too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { similarCaseQuery, type Database, type SimilarCaseQuery } from '@keluh/core';
import { openDatabase } from '@keluh/db';
import { caseCorpus, seedResolvedCases } from '@keluh/db/testing';
import { startPostgresForBench } from './support/postgres.ts';

export const SIMILAR_CASE_TARGET_P99_MS = 50;
const SEARCHES = 500;
const WARM_UP = 25;
/** The unpruned baseline is slow by design: fewer searches keep the bench short. */
const BASELINE_SEARCHES = 100;

export interface SimilarCaseFigures {
  label: string;
  records: number;
  seedSeconds: number;
  searches: number;
  terms: { min: number; max: number; mean: number };
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest rank: the smallest time with at least p of the searches at or below it. */
function nearestRank(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** New complaints to look up: two messages of a fresh corpus each, so queries carry 10–24 terms. */
export function benchQueries(count: number): SimilarCaseQuery[] {
  const fresh = caseCorpus(count * 4, 20_261_201);
  const queries: SimilarCaseQuery[] = [];
  for (let i = 0; queries.length < count && i + 1 < fresh.length; i += 2) {
    const [a, b] = [fresh[i]!, fresh[i + 1]!];
    const query = similarCaseQuery({ category: a.category, facts: a.facts, customerTexts: [a.customerText, b.customerText], rootCause: null, rootCauseNote: null, excludeTicketId: null }, 5);
    if (query.terms.length >= 10) queries.push(query);
  }
  return queries;
}

export async function similarCaseFigures(label: string, db: Database, records: number): Promise<SimilarCaseFigures> {
  const started = performance.now();
  await seedResolvedCases(db, caseCorpus(records, 7));
  const seedSeconds = (performance.now() - started) / 1000;
  const queries = benchQueries(SEARCHES + WARM_UP);
  for (const query of queries.slice(0, WARM_UP)) await db.similarCases.search(query);
  const times: number[] = [];
  for (const query of queries.slice(WARM_UP)) {
    const at = performance.now();
    const hits = await db.similarCases.search(query);
    times.push(performance.now() - at);
    if (hits.length === 0) throw new Error(`a bench query found nothing: ${query.terms.join(' ')}`);
  }
  times.sort((a, b) => a - b);
  const counts = queries.slice(WARM_UP).map((query) => query.terms.length);
  return {
    label,
    records,
    seedSeconds,
    searches: times.length,
    terms: { min: Math.min(...counts), max: Math.max(...counts), mean: counts.reduce((sum, n) => sum + n, 0) / counts.length },
    p50: nearestRank(times, 0.5),
    p95: nearestRank(times, 0.95),
    p99: nearestRank(times, 0.99),
  };
}

/**
 * The baseline, in the same run and on the same file: the plain FTS5 query a first version would write —
 * every term ORed, bm25 over every row any term matches, the best 200 kept — without the repository's
 * pruning to the rarest terms. The gap between the two is what the posting budget buys.
 */
export function unprunedSqliteFigures(file: string, records: number): SimilarCaseFigures {
  const client = new BetterSqlite3(file, { readonly: true });
  try {
    const search = client.prepare('SELECT rowid AS id, rank FROM resolution_search WHERE resolution_search MATCH ? ORDER BY rank LIMIT 200');
    const quoted = (terms: readonly string[]) => terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' OR ');
    const queries = benchQueries(BASELINE_SEARCHES + WARM_UP);
    for (const query of queries.slice(0, WARM_UP)) search.all(quoted(query.terms));
    const times: number[] = [];
    for (const query of queries.slice(WARM_UP)) {
      const at = performance.now();
      search.all(quoted(query.terms));
      times.push(performance.now() - at);
    }
    times.sort((a, b) => a - b);
    const counts = queries.slice(WARM_UP).map((query) => query.terms.length);
    return {
      label: 'SQLite FTS5, unpruned (baseline)',
      records,
      seedSeconds: 0,
      searches: times.length,
      terms: { min: Math.min(...counts), max: Math.max(...counts), mean: counts.reduce((sum, n) => sum + n, 0) / counts.length },
      p50: nearestRank(times, 0.5),
      p95: nearestRank(times, 0.95),
      p99: nearestRank(times, 0.99),
    };
  } finally {
    client.close();
  }
}

export function printSimilarCaseFigures(figures: SimilarCaseFigures): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const verdict = figures.p99 < SIMILAR_CASE_TARGET_P99_MS ? 'meets' : 'MISSES';
  console.log(
    `  similar   ${figures.records.toLocaleString('en-US')} cases (${figures.seedSeconds > 0 ? `seeded in ${figures.seedSeconds.toFixed(0)} s` : 'the same file'}), ${figures.searches} searches of ` +
      `${figures.terms.min}–${figures.terms.max} terms (mean ${figures.terms.mean.toFixed(1)}): p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}  p99 ${ms(figures.p99)}  ` +
      `— ${verdict} the target p99 < ${SIMILAR_CASE_TARGET_P99_MS} ms`,
  );
}

/** Both engines (PostgreSQL unless --sqlite-only), each on a database of its own that is thrown away. */
export async function runSimilarCaseBench(options: { sqliteOnly: boolean; records: number }): Promise<SimilarCaseFigures[]> {
  const results: SimilarCaseFigures[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'keluh-bench-cases-'));
  try {
    const file = join(folder, 'cases.db');
    const sqlite = await openDatabase(`sqlite://${file}`);
    try {
      results.push(await similarCaseFigures('SQLite FTS5 (bm25)', sqlite, options.records));
      console.log(`\n${results.at(-1)!.label}`);
      printSimilarCaseFigures(results.at(-1)!);
      results.push(unprunedSqliteFigures(file, options.records));
      console.log(`\n${results.at(-1)!.label}`);
      printSimilarCaseFigures(results.at(-1)!);
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  if (options.sqliteOnly) return results;
  const postgres = await startPostgresForBench();
  try {
    const pg = await openDatabase(await postgres.freshDatabase());
    try {
      results.push(await similarCaseFigures(`PostgreSQL ${postgres.version} tsvector (GIN, idf-weighted)`, pg, options.records));
      console.log(`\n${results.at(-1)!.label}`);
      printSimilarCaseFigures(results.at(-1)!);
    } finally {
      await pg.close();
    }
  } finally {
    postgres.stop();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const records = Number(process.argv.find((arg) => arg.startsWith('--records='))?.split('=')[1] ?? 100_000);
  await runSimilarCaseBench({ sqliteOnly: process.argv.includes('--sqlite-only'), records });
}
