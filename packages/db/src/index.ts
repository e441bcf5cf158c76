export { openDatabase } from './open-database.ts';
export { redactDatabaseUrl } from './database-url.ts';
export { openSqliteDatabase } from './sqlite/open-sqlite.ts';
export { openPostgresDatabase, type PostgresOptions } from './postgres/open-postgres.ts';
export * as schema from './schema/index.ts';
export * as postgresSchema from './postgres/schema/index.ts';
