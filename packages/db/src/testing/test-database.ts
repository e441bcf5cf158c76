import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@keluh/core';
import { openSqliteDatabase } from '../sqlite/open-sqlite.ts';

/**
 * The database a behaviour test runs against. The same test files run once per engine: the Vitest
 * project sets KELUH_TEST_DB (`sqlite`, the default, or `postgres`), and every test opens a fresh,
 * empty, migrated database of that engine — never a stand-in.
 */
export type TestDialect = 'sqlite' | 'postgres';

/** A test database, and the URL a second app ("another process") opens the same one by. */
export type TestDatabase = Database & { readonly url: string };

export function testDialect(): TestDialect {
  return process.env.KELUH_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export async function openTestDatabase(): Promise<TestDatabase> {
  if (testDialect() === 'postgres') {
    const { openPostgresTestDatabase } = await import('./postgres-test-database.ts');
    return openPostgresTestDatabase();
  }
  const folder = mkdtempSync(join(tmpdir(), 'keluh-test-db-'));
  const url = `sqlite://${join(folder, 'keluh.db')}`;
  const db = openSqliteDatabase(url);
  const closeDatabase = db.close.bind(db);
  return Object.assign(db, {
    url,
    async close() {
      await closeDatabase();
      rmSync(folder, { recursive: true, force: true });
    },
  });
}

/** Another connection to a test database opened earlier (the second of two "processes"); does not delete it. */
export async function reopenTestDatabase(url: string): Promise<Database> {
  if (url.startsWith('postgres')) {
    const { reopenPostgresTestDatabase } = await import('./postgres-test-database.ts');
    return reopenPostgresTestDatabase(url);
  }
  return openSqliteDatabase(url);
}
