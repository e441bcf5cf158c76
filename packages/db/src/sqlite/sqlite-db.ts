import type BetterSqlite3 from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

/**
 * The drizzle handle every SQLite repository is built on, with the better-sqlite3 connection under it
 * (`$client`) for the few ingest statements run on it directly.
 */
export type SqliteDb = BetterSQLite3Database & { $client: BetterSqlite3.Database };
