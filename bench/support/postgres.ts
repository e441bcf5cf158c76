import pg from 'pg';
// @ts-expect-error: a plain .mjs helper shared with the test command, without type declarations.
import { startThrowawayPostgres } from '../../scripts/services/throwaway-postgres.mjs';

/**
 * A throwaway PostgreSQL from Debian's package for the PostgreSQL figures, durable (fsync on) so the
 * numbers mean what they would on a real server. Each run gets an empty database.
 */
export async function startPostgresForBench(): Promise<{ version: string; freshDatabase(): Promise<string>; stop(): void }> {
  const server = (await startThrowawayPostgres({ durable: true })) as { url: string; stop(): void };
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const version = String((await admin.query('show server_version')).rows[0]?.server_version ?? '?').split(' ')[0]!;
  let count = 0;
  return {
    version,
    async freshDatabase() {
      const name = `bench_${count++}`;
      await admin.query(`create database ${name}`);
      return server.url.replace(/\/postgres$/, `/${name}`);
    },
    stop() {
      void admin.end();
      server.stop();
    },
  };
}
