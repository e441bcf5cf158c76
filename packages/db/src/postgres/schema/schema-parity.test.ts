import { getTableConfig as pgTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqlite from '../../schema/index.ts';
import * as postgres from './index.ts';

/** What both engines must agree on: names, nullability, defaults present, keys and indexes by name. */
function shape(config: ReturnType<typeof pgTableConfig> | ReturnType<typeof sqliteTableConfig>) {
  return {
    name: config.name,
    columns: Object.fromEntries(config.columns.map((column) => [column.name, { notNull: column.notNull, primary: column.primary, hasDefault: column.hasDefault }])),
    uniques: [...config.uniqueConstraints.map((unique) => unique.name), ...config.columns.filter((column) => column.isUnique).map((column) => column.uniqueName)].sort(),
    indexes: config.indexes.map((index) => `${index.config.name}${index.config.unique ? ' (unique)' : ''}${index.config.where ? ' (partial)' : ''}`).sort(),
    foreignKeys: config.foreignKeys.map((key) => key.getName()).sort(),
  };
}

describe('the PostgreSQL schema mirrors the SQLite one', () => {
  it('has the same tables', () => {
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
  });

  it.each(Object.keys(sqlite))('%s has the same columns, keys and indexes', (name) => {
    const lite = shape(sqliteTableConfig((sqlite as Record<string, SQLiteTable>)[name]!));
    const pg = shape(pgTableConfig((postgres as Record<string, PgTable>)[name]!));
    // Identity columns count as defaulted in PostgreSQL; SQLite's integer primary keys are implicitly so.
    for (const column of Object.values(pg.columns)) if (column.primary) column.hasDefault = false;
    for (const column of Object.values(lite.columns)) if (column.primary) column.hasDefault = false;
    expect(pg).toEqual(lite);
  });
});
