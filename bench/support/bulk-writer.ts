import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

/** Buffers rows per table and writes them as multi-row INSERTs: one statement per few hundred rows. */
export interface BulkWriter {
  row(table: string, columns: readonly string[], values: readonly unknown[]): Promise<void>;
  /** Writes what is buffered and commits; the next row opens a new transaction. */
  commit(): Promise<void>;
}

const ROWS_PER_STATEMENT = 500;

function buffered(write: (table: string, columns: readonly string[], rows: unknown[][]) => Promise<void>, begin: () => Promise<void>, end: () => Promise<void>): BulkWriter {
  const buffers = new Map<string, { columns: readonly string[]; rows: unknown[][] }>();
  let open = false;
  // A child row (a message) may only go out after its parent (the ticket): a full buffer first writes
  // every table the seeder started before it.
  const flush = async (upTo: string) => {
    for (const [table, buffer] of buffers) {
      if (buffer.rows.length > 0) await write(table, buffer.columns, buffer.rows);
      buffer.rows = [];
      if (table === upTo) return;
    }
  };
  return {
    async row(table, columns, values) {
      if (!open) {
        await begin();
        open = true;
      }
      const buffer = buffers.get(table) ?? { columns, rows: [] };
      buffers.set(table, buffer);
      buffer.rows.push([...values]);
      if (buffer.rows.length >= ROWS_PER_STATEMENT) await flush(table);
    },
    async commit() {
      const last = [...buffers.keys()].at(-1);
      if (last) await flush(last);
      if (open) await end();
      open = false;
    },
  };
}

export function sqliteWriter(db: BetterSqlite3.Database): BulkWriter {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return buffered(
    async (table, columns, rows) => {
      const key = `${table}:${rows.length}`;
      let statement = statements.get(key);
      if (!statement) {
        const tuple = `(${columns.map(() => '?').join(', ')})`;
        statement = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array(rows.length).fill(tuple).join(', ')}`);
        statements.set(key, statement);
      }
      statement.run(rows.flat().map((value) => (typeof value === 'boolean' ? Number(value) : value)));
    },
    async () => void db.exec('BEGIN'),
    async () => void db.exec('COMMIT'),
  );
}

export function postgresWriter(client: pg.Client): BulkWriter {
  return buffered(
    async (table, columns, rows) => {
      const values = rows.flat();
      const tuples = rows.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
      // The seed brings its own ids (children name their parents); identity columns take them only when told.
      await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`, values);
    },
    async () => void (await client.query('BEGIN')),
    async () => void (await client.query('COMMIT')),
  );
}
