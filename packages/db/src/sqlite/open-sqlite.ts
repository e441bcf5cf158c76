import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Database } from '@keluh/core';
import { preparePrivateDatabaseFile } from './private-files.ts';
import { groupCommitTransactions } from './group-commit.ts';
import { SerialGate } from './serial-gate.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';
import { createSqliteRepositories, splitReadsAndWrites } from './sqlite-repositories.ts';
import { MEMORY, sqlitePathFromUrl } from './sqlite-url.ts';

// Resolved from this module, not the cwd, so the server, tests and scripts all find the same folder.
const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

function connect(path: string, options: { readonly: boolean }): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(path, { readonly: options.readonly });
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/**
 * Opens (creating if needed) an SQLite database, brings its schema up to date and returns core's Database.
 *
 * Two connections: one writer, behind the gate, and one reader. In WAL mode the reader sees the last
 * commit and never waits for a transaction in progress, so inbox loads and replays do not queue behind
 * ingest. `:memory:` cannot be shared by two connections, so it becomes a private temporary file, deleted
 * on close — the same engine configuration as production, for tests and throwaway runs.
 */
export interface SqliteOptions {
  /** Checkpoint the WAL from a worker thread instead of inside commits (the server; see WalCheckpointer). */
  checkpointInBackground?: boolean;
}

export function openSqliteDatabase(url: string, options: SqliteOptions = {}): Database {
  const requested = sqlitePathFromUrl(url);
  const scratch = requested === MEMORY ? mkdtempSync(join(tmpdir(), 'keluh-sqlite-')) : null;
  const path = scratch ? join(scratch, 'keluh.db') : requested;
  preparePrivateDatabaseFile(path);
  const writer = connect(path, { readonly: false });
  let reader: BetterSqlite3.Database | null = null;
  try {
    writer.pragma('journal_mode = WAL');
    // Safe with WAL: a power cut may lose the last commits but never corrupts the file.
    writer.pragma('synchronous = NORMAL');
    // A replaced secret (sealed over an older install's plain text, or rotated) is zeroed on disk, not
    // left readable in a free page.
    writer.pragma('secure_delete = ON');
    const writeDb = drizzle({ client: writer });
    migrate(writeDb, { migrationsFolder });
    reader = connect(path, { readonly: true });
    // 10,000 pages (~40 MB) is the safety net; the worker checkpoints long before.
    if (options.checkpointInBackground) writer.pragma('wal_autocheckpoint = 10000');
    const checkpointer = options.checkpointInBackground ? startWalCheckpointer(path) : null;

    const gate = new SerialGate();
    const writes = createSqliteRepositories(writeDb);
    const reads = createSqliteRepositories(drizzle({ client: reader }));

    // better-sqlite3 is synchronous and drizzle's transaction() cannot await, so we drive BEGIN/COMMIT
    // ourselves (with group commit) and let the gate keep other writers off the connection while work awaits.
    const transactions = groupCommitTransactions(writer, gate, writes);

    const openReader = reader;
    return {
      ...splitReadsAndWrites({ reads, writes, gate }),
      dialect: 'sqlite',
      transaction: transactions.transaction,
      async close() {
        await transactions.close();
        await gate.drain();
        await checkpointer?.stop();
        openReader.close();
        writer.close();
        if (scratch) rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    reader?.close();
    writer.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
