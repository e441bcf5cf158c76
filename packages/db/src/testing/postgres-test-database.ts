import type { Database } from '@keluh/core';

/** Filled in by the PostgreSQL implementation. */
export async function openPostgresTestDatabase(): Promise<Database> {
  throw new Error('PostgreSQL behaviour tests need the PostgreSQL implementation');
}
