import type { Database } from '@keluh/core';
import { migrationsBefore } from './partial-migrations.ts';
import { testDialect } from './test-database.ts';

/**
 * An install as it was before the migration whose tag ends with `tagSuffix`, holding `oldRows`, then opened
 * as the server opens it (which runs that migration and the rest): how a back-fill is tested on old rows.
 * Drivers load lazily so each dialect's run imports only its own.
 */
export async function upgradedInstall(tagSuffix: string, oldRows: readonly string[]): Promise<{ db: Database; done: () => Promise<void> }> {
  if (testDialect() === 'postgres') {
    const [{ default: pg }, { drizzle }, { migrate }, { createPostgresTestDatabase }, { openPostgresDatabase }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
      import('./postgres-test-database.ts'),
      import('../postgres/open-postgres.ts'),
    ]);
    const { url, drop } = await createPostgresTestDatabase({ empty: true });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await migrate(drizzle({ client }), { migrationsFolder: migrationsBefore('postgres', tagSuffix) });
    for (const statement of oldRows) await client.query(statement);
    await client.end();
    const db = await openPostgresDatabase(url);
    return { db, done: async () => (await db.close(), await drop()) };
  }
  const [{ default: SqliteDatabase }, { drizzle }, { migrate }, { openSqliteDatabase }, { mkdtempSync, rmSync }, { tmpdir }, { join }] = await Promise.all([
    import('better-sqlite3'),
    import('drizzle-orm/better-sqlite3'),
    import('drizzle-orm/better-sqlite3/migrator'),
    import('../sqlite/open-sqlite.ts'),
    import('node:fs'),
    import('node:os'),
    import('node:path'),
  ]);
  const folder = mkdtempSync(join(tmpdir(), 'keluh-backfill-'));
  const file = join(folder, 'keluh.db');
  const raw = new SqliteDatabase(file);
  migrate(drizzle({ client: raw }), { migrationsFolder: migrationsBefore('sqlite', tagSuffix) });
  for (const statement of oldRows) raw.exec(statement);
  raw.close();
  const db = openSqliteDatabase(`sqlite://${file}`);
  return { db, done: async () => (await db.close(), rmSync(folder, { recursive: true, force: true })) };
}
