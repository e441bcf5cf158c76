import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database, Repositories } from '@keluh/core';
import { MIGRATION_LOCK_KEY } from './advisory-locks.ts';
import { isRetryableTransactionError } from './pg-errors.ts';
import { createPgRepositories, type TransactionState } from './pg-repositories.ts';
import { postgresConnectionFromUrl } from './pg-url.ts';
import type { PgDb } from './pg-db.ts';

// Resolved from this module, not the cwd, so the server, tests and scripts all find the same folder.
const migrationsFolder = fileURLToPath(new URL('../../migrations/postgres', import.meta.url));

/** How many times a transaction runs in all when PostgreSQL rolls it back as a deadlock or serialization failure. */
const TRANSACTION_ATTEMPTS = 5;

export interface PostgresOptions {
  /** Connections per process; overrides the URL's `?pool=`. */
  poolSize?: number;
  /** Bring the schema up to date at open (default). Off only for databases cloned from a migrated template. */
  migrate?: boolean;
}

/**
 * Two API processes starting at once would both run the migrations. A session-level advisory lock on a
 * dedicated connection lets one migrate while the other waits, then finds nothing left to do. The
 * connection is destroyed afterwards, which releases the lock even if migrating failed half-way.
 */
async function migrateUnderLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    client.release(true);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens a PostgreSQL database through a node-postgres pool and returns core's Database.
 *
 * Outside a transaction every call takes whichever pooled connection is free and autocommits, so reads
 * see committed data only and never wait for a transaction in progress. `transaction()` checks one
 * connection out for its whole work (drizzle's db.transaction, READ COMMITTED); the guarantees the ports
 * give rest on constraints, row locks and the event log's advisory lock, not on isolation level. Work
 * rolled back as a deadlock (40P01) or serialization failure (40001) runs again, as the port allows.
 */
export async function openPostgresDatabase(url: string, options: PostgresOptions = {}): Promise<Database> {
  const connection = postgresConnectionFromUrl(url);
  const pool = new pg.Pool({
    connectionString: connection.connectionString,
    max: options.poolSize ?? connection.poolSize,
    // No JIT: this is short OLTP work on indexes, and the planner's cost estimates for a search or a report
    // over a large table pass jit_above_cost, so PostgreSQL compiled each such query for 8–17 ms (measured
    // at 1 M messages) to save a fraction of that — and loaded LLVM into every new connection on its first
    // one. A DATABASE_URL with its own `options` parameter overrides this (node-postgres lets the URL win).
    options: '-c jit=off',
    // A pool exhausted for this long is a bug (work holding a connection waits for another): fail loudly.
    connectionTimeoutMillis: 30_000,
  });
  // An idle connection the server closed (restart, failover) is dropped by the pool; the next query opens
  // another. Without a listener, node would treat the event as an uncaught error and exit.
  pool.on('error', () => undefined);
  try {
    if (options.migrate !== false) await migrateUnderLock(pool);
    else await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw error;
  }

  const db = drizzle({ client: pool });
  const repositoriesIn = transactionRepositories();
  const transaction = async <T>(work: (tx: Repositories) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await db.transaction((tx) => work(repositoriesIn(tx)));
      } catch (error) {
        if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
        // Jittered back-off, so the transactions that collided do not collide again in lockstep.
        await pause(Math.random() * 10 * 2 ** attempt);
      }
    }
  };

  return {
    ...createPgRepositories(db, { inTransaction: false }),
    dialect: 'postgres',
    transaction,
    async close() {
      await pool.end();
    },
  };
}

/**
 * The repositories a transaction works with, built once per pooled connection rather than per
 * transaction. drizzle binds a query, and each named prepared statement, to the session it was built on,
 * and a transaction's session is a fresh object around one checked-out connection: rebuilding every
 * repository and statement per transaction cost more CPU than the queries. A later transaction on the same
 * connection reuses what was built (its queries run on that connection, now inside the new transaction),
 * so every statement is built once per connection — as PostgreSQL keeps the prepared plan once per
 * connection too. drizzle exposes the connection only as `session.client`, hence the narrow cast.
 */
function transactionRepositories(): (tx: PgDb) => Repositories {
  const byConnection = new WeakMap<object, { repositories: Repositories; state: TransactionState }>();
  return (tx) => {
    const connection = (tx as unknown as { session?: { client?: object } }).session?.client;
    if (!connection) return createPgRepositories(tx, { inTransaction: true });
    let built = byConnection.get(connection);
    if (!built) {
      const state: TransactionState = { heldChannelIds: new Set() };
      built = { repositories: createPgRepositories(tx, { inTransaction: true, transactionState: state }), state };
      byConnection.set(connection, built);
    }
    // A new transaction (or a retried one) holds no lock yet.
    built.state.heldChannelIds.clear();
    return built.repositories;
  };
}
