import { randomBytes } from 'node:crypto';
import pg from 'pg';
// @ts-expect-error: a plain .mjs helper shared with the test command, without type declarations.
import { startThrowawayPostgres } from '../../../../../scripts/services/throwaway-postgres.mjs';

interface Throwaway {
  url: string;
  stop(): void;
}

/**
 * An empty database for a chaos run outside Vitest: on CHAOS_DATABASE_URL's server, or on a throwaway
 * PostgreSQL (Debian's package, a temp folder, a free loopback port) stopped again by drop(). The API
 * processes migrate it at their first start, as in production. fsync stays off: the chaos kills API
 * processes, never PostgreSQL.
 */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const given = process.env.CHAOS_DATABASE_URL?.trim() || undefined;
  const server = given ? null : ((await startThrowawayPostgres({ inMemory: true })) as Throwaway);
  const adminUrl = given ?? server!.url;
  const name = `keluh_chaos_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      try {
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
        server?.stop();
      }
    },
  };
}
