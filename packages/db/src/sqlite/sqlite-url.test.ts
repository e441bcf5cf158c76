import { describe, expect, it } from 'vitest';
import { isSqliteUrl, sqlitePathFromUrl } from './sqlite-url.ts';

describe('reading a DATABASE_URL for SQLite', () => {
  it.each([
    [':memory:', ':memory:'],
    ['sqlite::memory:', ':memory:'],
    ['sqlite://:memory:', ':memory:'],
    ['sqlite://data/keluh.db', 'data/keluh.db'],
    ['sqlite:///var/lib/keluh.db', '/var/lib/keluh.db'],
    ['file:data/keluh.db', 'data/keluh.db'],
    ['file:///var/lib/keluh.db', '/var/lib/keluh.db'],
    ['./data/keluh.db', './data/keluh.db'],
  ])('%s opens %s', (url, path) => {
    expect(sqlitePathFromUrl(url)).toBe(path);
  });

  it('an empty url is refused rather than opening a nameless database', () => {
    expect(() => sqlitePathFromUrl('  ')).toThrow(/empty/);
  });

  it('only sqlite, file and plain paths count as SQLite', () => {
    expect(isSqliteUrl('sqlite://x.db')).toBe(true);
    expect(isSqliteUrl('data/x.db')).toBe(true);
    expect(isSqliteUrl('postgres://u@h/db')).toBe(false);
    expect(isSqliteUrl('mysql://h/db')).toBe(false);
  });
});
