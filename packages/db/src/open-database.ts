import type { Database } from '@keluh/core';
import { openPostgresDatabase } from './postgres/open-postgres.ts';
import { isPostgresUrl } from './postgres/pg-url.ts';
import { openSqliteDatabase } from './sqlite/open-sqlite.ts';
import { isSqliteUrl } from './sqlite/sqlite-url.ts';

/**
 * Picks the implementation from DATABASE_URL: `postgres://` or `postgresql://` opens PostgreSQL (pool
 * size from `?pool=`), anything SQLite understands opens the embedded default. Async because opening
 * PostgreSQL connects and migrates before it returns.
 */
export async function openDatabase(url: string): Promise<Database> {
  const trimmed = url.trim();
  if (isPostgresUrl(trimmed)) return openPostgresDatabase(trimmed);
  if (!isSqliteUrl(trimmed)) throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(':')[0]}`);
  return openSqliteDatabase(trimmed, { checkpointInBackground: true });
}
