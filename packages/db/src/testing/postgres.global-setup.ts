import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgresDatabase } from '../postgres/open-postgres.ts';
import { databaseUrl, quoteIdent } from './postgres-test-server.ts';

interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

type StartThrowaway = (options: { inMemory?: boolean }) => Promise<ThrowawayPostgres>;

// The repository's script for a throwaway server (plain JS, shared with benches), loaded by path.
const throwaway = async () =>
  (await import(new URL('../../../../scripts/services/throwaway-postgres.mjs', import.meta.url).href)) as { startThrowawayPostgres: StartThrowaway };

/**
 * Global setup of the `server-pg` Vitest project. Uses the server in TEST_DATABASE_URL, or starts a
 * throwaway one (Debian's PostgreSQL, a temp folder, a free loopback port); creates and migrates one
 * template database, hands both to the workers, and at the end drops what it made and stops the server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TEST_DATABASE_URL?.trim() || undefined;
  const server = given ? null : await (await throwaway()).startThrowawayPostgres({ inMemory: true });
  const adminUrl = given ?? server!.url;
  const template = `keluh_test_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  let cloneClause = '';
  try {
    await admin.connect();
    const { rows } = await admin.query<{ version: number }>("select current_setting('server_version_num')::int as version");
    if (rows[0]!.version >= 150000) cloneClause = ' strategy file_copy';
    await admin.query(`create database ${quoteIdent(template)}`);
    // The same code path as production: open migrates. Closing leaves no connection on the template,
    // which CREATE DATABASE … TEMPLATE requires.
    await (await openPostgresDatabase(databaseUrl(adminUrl, template))).close();
  } catch (error) {
    await admin.end().catch(() => undefined);
    server?.stop();
    throw error;
  }
  project.provide('postgresTestServer', { adminUrl, template, cloneClause });

  return async () => {
    try {
      // A worker that ended while cloning its next database leaves that CREATE running: let it finish first.
      for (let waited = 0; waited < 10_000; waited += 100) {
        const { rowCount } = await admin.query("select 1 from pg_stat_activity where state = 'active' and starts_with(query, 'create database \"' || $1)", [template]);
        if (!rowCount) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [template]);
      for (const { datname } of rows) await admin.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
    } finally {
      await admin.end().catch(() => undefined);
      server?.stop();
    }
  };
}
