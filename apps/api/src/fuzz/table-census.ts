import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';

/** Per table: how many rows, and a digest of every row, so an in-place change counts as much as an insert. */
export type Census = Record<string, { rows: number; digest: string }>;

/** What changed between two censuses: the tables, each with its row-count delta. */
export type CensusChange = Record<string, { before: number; after: number }>;

export interface TableCensus {
  tables: readonly string[];
  take(): Census;
  close(): void;
}

/**
 * Reads the app's database file through a connection of its own, read-only, so the fuzzer sees exactly
 * what was committed. Every table the migrations created is counted: a table added later is watched too.
 */
export function openTableCensus(path: string): TableCensus {
  const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  const tables = sqlite
    // Ordinary tables only: an FTS5 index's shadow tables (some WITHOUT ROWID) change with the rows they
    // index, which are counted in their own table.
    .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
    .all()
    .map((row) => (row as { name: string }).name);
  // The recurring sweeps (janitors, the stuck-stage scan) reschedule themselves on their own clock, never
  // because of a request: on a slow machine one comes due mid-run and would be blamed on whatever case ran then.
  const rowsOf = (table: string) => (table === 'jobs' ? `SELECT * FROM "jobs" WHERE key <> 'recurring' ORDER BY rowid` : `SELECT * FROM "${table}" ORDER BY rowid`);
  const readers = tables.map((table) => [table, sqlite.prepare(rowsOf(table)).raw()] as const);
  return {
    tables,
    take() {
      const census: Census = {};
      // One read transaction, so all tables are seen at the same commit.
      sqlite.transaction(() => {
        for (const [table, reader] of readers) {
          const rows = reader.all() as unknown[][];
          const digest = createHash('sha256');
          for (const row of rows) digest.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value)));
          census[table] = { rows: rows.length, digest: digest.digest('base64url') };
        }
      })();
      return census;
    },
    close: () => sqlite.close(),
  };
}

export function censusChange(before: Census, after: Census): CensusChange {
  const change: CensusChange = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[table];
    const now = after[table];
    if (was?.digest !== now?.digest) change[table] = { before: was?.rows ?? 0, after: now?.rows ?? 0 };
  }
  return change;
}
