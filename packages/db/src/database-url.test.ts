import { describe, expect, it } from 'vitest';
import { redactDatabaseUrl } from './database-url.ts';

describe('showing the DATABASE_URL in the start banner', () => {
  it('masks a PostgreSQL password but keeps where it connects', () => {
    expect(redactDatabaseUrl('postgres://keluh:s3cret@db:5432/keluh?pool=20')).toBe('postgres://keluh:***@db:5432/keluh?pool=20');
  });

  it('leaves URLs without a password alone', () => {
    expect(redactDatabaseUrl('postgres://keluh@db/keluh')).toBe('postgres://keluh@db/keluh');
    expect(redactDatabaseUrl('sqlite://./data/keluh.db')).toBe('sqlite://./data/keluh.db');
    expect(redactDatabaseUrl(':memory:')).toBe(':memory:');
  });
});
