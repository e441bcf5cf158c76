import { describe, expect, it } from 'vitest';
import { DEFAULT_POOL_SIZE, isPostgresUrl, postgresConnectionFromUrl } from './pg-url.ts';

describe('reading a DATABASE_URL for PostgreSQL', () => {
  it('postgres:// and postgresql:// are PostgreSQL; nothing else is', () => {
    expect(isPostgresUrl('postgres://keluh@db/keluh')).toBe(true);
    expect(isPostgresUrl(' PostgreSQL://keluh@db/keluh')).toBe(true);
    expect(isPostgresUrl('sqlite://data/keluh.db')).toBe(false);
    expect(isPostgresUrl('postgres-data/keluh.db')).toBe(false);
  });

  it('the pool size comes from ?pool=, which node-postgres never sees', () => {
    expect(postgresConnectionFromUrl('postgres://keluh:pw@db:5432/keluh?pool=20&sslmode=require')).toEqual({
      connectionString: 'postgres://keluh:pw@db:5432/keluh?sslmode=require',
      poolSize: 20,
    });
  });

  it("without ?pool= a process opens up to node-postgres's default of connections", () => {
    expect(postgresConnectionFromUrl('postgres://keluh@db/keluh').poolSize).toBe(DEFAULT_POOL_SIZE);
  });

  it.each(['0', '-3', '2.5', 'many', '1001'])('pool=%s is refused with a message naming the setting', (pool) => {
    expect(() => postgresConnectionFromUrl(`postgres://keluh@db/keluh?pool=${pool}`)).toThrow(/pool must be a whole number/);
  });

  it("node-postgres's own parameters are left as they are", () => {
    expect(postgresConnectionFromUrl('postgres://keluh@db/keluh?options=-c%20search_path%3Dkeluh').connectionString).toBe('postgres://keluh@db/keluh?options=-c+search_path%3Dkeluh');
  });

  it('a URL that does not parse is refused without echoing it (it may hold a password)', () => {
    expect(() => postgresConnectionFromUrl('postgres://keluh:se cret@')).toThrow('DATABASE_URL is not a valid postgres:// URL');
  });
});
