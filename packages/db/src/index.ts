export { openDatabase } from './open-database.ts';
export { openSqliteDatabase } from './sqlite/open-sqlite.ts';
export * as schema from './schema/index.ts';
