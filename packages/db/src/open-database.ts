import type { Database } from '@keluh/core';
import { openSqliteDatabase } from './sqlite/open-sqlite.ts';
import { isSqliteUrl } from './sqlite/sqlite-url.ts';

/**
 * Picks the implementation from DATABASE_URL. SQLite is the embedded default; PostgreSQL plugs in here
 * behind the same ports.
 */
export function openDatabase(url: string): Database {
  if (/^postgres(ql)?:\/\//i.test(url.trim())) {
    throw new Error('PostgreSQL support arrives in a later release; use a sqlite:// DATABASE_URL for now');
  }
  if (!isSqliteUrl(url.trim())) throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(':')[0]}`);
  return openSqliteDatabase(url, { checkpointInBackground: true });
}
