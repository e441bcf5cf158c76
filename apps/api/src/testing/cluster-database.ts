import { createPostgresTestDatabase, testDialect } from '@keluh/db/testing';

/**
 * The database a cluster test runs its processes on, by the Vitest project: one SQLite file (the cluster
 * makes it) in `server`, a fresh PostgreSQL database in `server-pg`.
 */
export async function clusterDatabase(): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  if (testDialect() === 'sqlite') return { url: undefined, drop: async () => undefined };
  return createPostgresTestDatabase();
}
