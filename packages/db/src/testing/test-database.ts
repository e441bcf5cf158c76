import type { Database } from '@keluh/core';
import { openSqliteDatabase } from '../sqlite/open-sqlite.ts';

/**
 * The database a behaviour test runs against. The same test files run once per engine: the Vitest
 * project sets KELUH_TEST_DB (`sqlite`, the default, or `postgres`), and every test opens a fresh,
 * empty, migrated database of that engine — never a stand-in.
 */
export type TestDialect = 'sqlite' | 'postgres';

export function testDialect(): TestDialect {
  return process.env.KELUH_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export async function openTestDatabase(): Promise<Database> {
  if (testDialect() === 'postgres') {
    const { openPostgresTestDatabase } = await import('./postgres-test-database.ts');
    return openPostgresTestDatabase();
  }
  return openSqliteDatabase(':memory:');
}
