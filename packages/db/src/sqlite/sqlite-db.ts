import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

/** The drizzle handle every SQLite repository is built on. */
export type SqliteDb = BetterSQLite3Database;
