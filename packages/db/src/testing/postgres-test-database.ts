import type { Database } from '@keluh/core';
import type { TestDatabase } from './test-database.ts';

/** Filled in by the PostgreSQL implementation. */
export async function openPostgresTestDatabase(): Promise<TestDatabase> {
  throw new Error('PostgreSQL behaviour tests need the PostgreSQL implementation');
}

export async function reopenPostgresTestDatabase(_url: string): Promise<Database> {
  throw new Error('PostgreSQL behaviour tests need the PostgreSQL implementation');
}
