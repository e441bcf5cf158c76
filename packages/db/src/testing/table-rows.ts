import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { SlaClock } from '@keluh/core';
import { sqlitePathFromUrl } from '../sqlite/sqlite-url.ts';
import type { TestDatabase } from './test-database.ts';

/** Tables other slices own the writing of (the SLA engine, team administration); tests fill them directly. */
type FixtureTable = 'sla_clocks' | 'team_members' | 'agent_capacities';
type Row = Record<string, string | number | boolean | null>;

/**
 * Inserts rows into the real table of the engine under test, over a second connection to the same
 * database. Test-only: production code writes these tables through the owning slice's repositories.
 */
export async function insertTableRows(db: TestDatabase, table: FixtureTable, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  if (db.url.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      for (const row of rows) {
        await client.query(`insert into ${table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, columns.map((column) => row[column]));
      }
    } finally {
      await client.end();
    }
    return;
  }
  const sqlite = new BetterSqlite3(sqlitePathFromUrl(db.url));
  try {
    sqlite.pragma('busy_timeout = 5000');
    const insert = sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
    // SQLite stores booleans as 0/1.
    for (const row of rows) insert.run(...columns.map((column) => (typeof row[column] === 'boolean' ? Number(row[column]) : row[column])));
  } finally {
    sqlite.close();
  }
}

/** A clock row as the SLA engine writes it, in the table's column names. */
export function slaClockRow(clock: SlaClock): Row {
  return {
    ticket_id: clock.ticketId, metric: clock.metric, policy_id: clock.policyId, target_seconds: clock.targetSeconds, business_hours: clock.businessHours,
    state: clock.state, started_at: clock.startedAt, due_at: clock.dueAt, warn_at: clock.warnAt, remaining_seconds: clock.remainingSeconds,
    stopped_at: clock.stoppedAt, warned_at: clock.warnedAt, breached_at: clock.breachedAt, updated_at: clock.updatedAt,
  };
}

/** A running clock of `targetSeconds` started at `startedAt`, warning at 80 %. */
export function runningClock(ticketId: number, startedAt: string, targetSeconds: number, metric: SlaClock['metric'] = 'first_response'): SlaClock {
  const start = Date.parse(startedAt);
  return {
    ticketId, metric, policyId: null, targetSeconds, businessHours: false, state: 'running', startedAt,
    dueAt: new Date(start + targetSeconds * 1000).toISOString(), warnAt: new Date(start + targetSeconds * 800).toISOString(),
    remainingSeconds: null, stoppedAt: null, warnedAt: null, breachedAt: null, updatedAt: startedAt,
  };
}

/**
 * Every row of a table, ordered by id, read over a second connection, minus `ignore`d columns (ones that
 * only say when or how often a row changed): a snapshot to compare before and after a change and its undo.
 */
export async function readTableRows(db: TestDatabase, table: string, ignore: readonly string[] = []): Promise<Row[]> {
  let rows: Row[];
  if (db.url.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      rows = (await client.query<Row>(`select * from ${table} order by id`)).rows;
    } finally {
      await client.end();
    }
  } else {
    const sqlite = new BetterSqlite3(sqlitePathFromUrl(db.url), { readonly: true });
    try {
      rows = sqlite.prepare(`select * from ${table} order by id`).all() as Row[];
    } finally {
      sqlite.close();
    }
  }
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !ignore.includes(column))));
}
