import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '@keluh/core';
import type { TestDatabase } from './test-database.ts';
import { openPostgresDatabase } from '../postgres/open-postgres.ts';
import { databaseUrl, quoteIdent, type PostgresTestServer } from './postgres-test-server.ts';

// Per test worker (module state is per worker): one small pool for CREATE/DROP DATABASE, a counter that
// keeps database names unique within the worker (the pid keeps them unique across workers), and the
// next test's database, cloned while the current test runs.
let admin: pg.Pool | null = null;
let created = 0;
let spare: Promise<string> | null = null;

function adminPool(adminUrl: string): pg.Pool {
  if (!admin) {
    // allowExitOnIdle: the worker may exit with the pool still open; nothing is lost, the server stays.
    admin = new pg.Pool({ connectionString: adminUrl, max: 2, idleTimeoutMillis: 1000, allowExitOnIdle: true });
    admin.on('error', () => undefined);
  }
  return admin;
}

async function cloneTemplate({ adminUrl, template, cloneClause }: PostgresTestServer, name = `${template}_${process.pid}_${(created += 1)}`): Promise<string> {
  await adminPool(adminUrl).query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}${cloneClause}`);
  return name;
}

export interface PostgresTestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database cloned from the migrated template (CREATE DATABASE … TEMPLATE): a file-level copy,
 * much faster than migrating, and every test starts from the same empty schema, isolated from the others.
 * Cloning still takes a good part of a short test, so each call also starts the clone the next call
 * will take; one left over when the worker ends is dropped by the global teardown.
 */
export async function createPostgresTestDatabase(options: { empty?: boolean } = {}): Promise<PostgresTestDatabase> {
  const server = inject('postgresTestServer') as PostgresTestServer | undefined;
  if (!server) throw new Error('PostgreSQL test databases come from the server-pg Vitest project (its global setup starts the server)');
  // An empty one (PostgreSQL's pristine template0) is for tests of migrating at open.
  if (options.empty) return withDrop(server, await cloneTemplate({ ...server, template: 'template0' }, `${server.template}_${process.pid}_${(created += 1)}`));
  const next = spare ?? cloneTemplate(server);
  spare = cloneTemplate(server);
  // Awaited by the next call, which sees the failure; until then it must not count as unhandled.
  spare.catch(() => undefined);
  return withDrop(server, await next);
}

function withDrop(server: PostgresTestServer, name: string): PostgresTestDatabase {
  return {
    url: databaseUrl(server.adminUrl, name),
    // FORCE ends connections a test left open (a server process it killed), instead of failing the drop.
    drop: async () => void (await adminPool(server.adminUrl).query(`drop database if exists ${quoteIdent(name)} with (force)`)),
  };
}

/** A fresh, empty, migrated PostgreSQL database for one test, dropped again when closed. */
export async function openPostgresTestDatabase(): Promise<TestDatabase> {
  const { url, drop } = await createPostgresTestDatabase();
  let db: Database;
  try {
    db = await openPostgresDatabase(url, { migrate: false, poolSize: 8 });
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    ...db,
    url,
    async close() {
      await db.close();
      // Not awaited: the backends of the pool just closed take a moment to exit, and DROP DATABASE waits
      // for them in 100 ms steps. Nothing reads the database again; one the worker ends before dropping
      // is dropped by the global teardown.
      drop().catch(() => undefined);
    },
  };
}

/** A second pool on a test database another app opened (two "processes"); leaves dropping to that one. */
export async function reopenPostgresTestDatabase(url: string): Promise<Database> {
  return openPostgresDatabase(url, { migrate: false, poolSize: 8 });
}
