import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Database, Repositories } from '@keluh/core';
import { preparePrivateDatabaseFile } from './private-files.ts';
import { SerialGate } from './serial-gate.ts';
import { createSqliteRepositories, gateRepositories } from './sqlite-repositories.ts';
import { MEMORY, sqlitePathFromUrl } from './sqlite-url.ts';

// Resolved from this module, not the cwd, so the server, tests and scripts all find the same folder.
const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Opens (creating if needed) an SQLite database, brings its schema up to date and returns core's Database. */
export function openSqliteDatabase(url: string): Database {
  const path = sqlitePathFromUrl(url);
  if (path !== MEMORY) preparePrivateDatabaseFile(path);
  const sqlite = new BetterSqlite3(path);
  try {
    // WAL lets readers (a backup, the CLI) work while the server writes; :memory: has no journal file.
    if (path !== MEMORY) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Safe with WAL: a power cut may lose the last commits but never corrupts the file.
    sqlite.pragma('synchronous = NORMAL');
    // A replaced secret (sealed over an older install's plain text, or rotated) is zeroed on disk, not
    // left readable in a free page.
    sqlite.pragma('secure_delete = ON');
    const db = drizzle({ client: sqlite });
    migrate(db, { migrationsFolder });

    const gate = new SerialGate();
    const repos = createSqliteRepositories(db);

    // better-sqlite3 is synchronous and drizzle's transaction() cannot await, so we drive BEGIN/COMMIT
    // ourselves and let the gate keep other callers off the connection while work awaits (see SerialGate).
    const transaction = <T>(work: (tx: Repositories) => Promise<T>): Promise<T> => {
      // A nested call joins the transaction already open; its failure still rolls back the outer one.
      if (gate.inside) return work(repos);
      return gate.run(async () => {
        // IMMEDIATE takes the write lock up front, so another process cannot make us fail half-way.
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(repos);
          sqlite.exec('COMMIT');
          return result;
        } catch (error) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw error;
        }
      });
    };

    return {
      ...gateRepositories(repos, gate),
      transaction,
      async close() {
        await gate.drain();
        sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
