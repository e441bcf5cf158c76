/**
 * What the Vitest global setup of the `server-pg` project hands its workers: a PostgreSQL server and the
 * name of a migrated template database on it, from which every test clones a fresh database.
 */
export interface PostgresTestServer {
  /** Where CREATE and DROP DATABASE run: the throwaway server's `postgres` database, or TEST_DATABASE_URL. */
  adminUrl: string;
  /** Test databases are named `<template>_<pid>_<n>`, so the teardown finds any a crashed test left. */
  template: string;
  /**
   * How CREATE DATABASE copies the template. PostgreSQL 15's default (WAL_LOG) writes every page through
   * the WAL; for a database this small FILE_COPY, what older servers always do, is faster, markedly so on
   * a slow disk.
   */
  cloneClause: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresTestServer: PostgresTestServer;
  }
}

/** The same server with another database selected. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Quotes an identifier we generated ourselves (letters, digits, underscores). */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Refusing an unexpected database name: ${name}`);
  return `"${name}"`;
}
