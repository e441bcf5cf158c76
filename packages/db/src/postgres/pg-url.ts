/** node-postgres's own default pool size. */
export const DEFAULT_POOL_SIZE = 10;

export interface PostgresConnection {
  /** The URL node-postgres connects with, without our own parameters. */
  connectionString: string;
  poolSize: number;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url.trim());

/**
 * Reads a DATABASE_URL such as `postgres://keluh:secret@db:5432/keluh?pool=20`. `pool` (connections per
 * process) is ours and is removed before node-postgres sees the URL; everything else (sslmode, options …)
 * is node-postgres's. Nothing is added to the session (no startup options, which connection poolers such
 * as PgBouncer refuse): timestamps read back right in any session time zone.
 */
export function postgresConnectionFromUrl(url: string): PostgresConnection {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error('DATABASE_URL is not a valid postgres:// URL');
  }
  const pool = parsed.searchParams.get('pool');
  parsed.searchParams.delete('pool');
  const poolSize = pool === null ? DEFAULT_POOL_SIZE : Number(pool);
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1000) {
    throw new Error(`DATABASE_URL's pool must be a whole number of connections from 1 to 1000, not "${pool}"`);
  }
  return { connectionString: parsed.toString(), poolSize };
}
