import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';

/** The drizzle handle every PostgreSQL repository is built on: the pool, or one transaction's client. */
export type PgDb = PgDatabase<NodePgQueryResultHKT>;

/**
 * A prepared statement built on first use. Repositories are made per transaction (a statement belongs
 * to the connection it runs on), so building only what a transaction touches keeps that cheap; the
 * server-side plan is kept per pooled connection under the statement's name.
 */
export function prepared<T>(build: () => T): () => T {
  let statement: T | undefined;
  return () => (statement ??= build());
}
