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
 * The report rollups and the fold's state are a projection of the event log that the recurring
 * `reports.rollup` job (and any report read) advances at any moment: what they hold follows from `events`,
 * which is counted, so they are not attributed to whichever request happened to run meanwhile.
 */
const PROJECTIONS = new Set(['report_rollups', 'report_fold_cursor', 'report_ticket_states', 'report_sla_outcomes']);

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
    .map((row) => (row as { name: string }).name)
    .filter((table) => !PROJECTIONS.has(table));
  // A recurring job row (janitors, the stuck scan, the report rollup) reschedules itself on its own timer,
  // so its runAt moves between any two censuses; the work it does shows in the tables it changes.
  const where = (table: string) => (table === 'jobs' ? ` WHERE key <> 'recurring'` : '');
  const readers = tables.map((table) => [table, sqlite.prepare(`SELECT * FROM "${table}"${where(table)} ORDER BY rowid`).raw()] as const);
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
