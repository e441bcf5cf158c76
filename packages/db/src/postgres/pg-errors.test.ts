import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { isRetryableTransactionError, isUniqueViolation, translatePgError, UniqueConstraintError } from './pg-errors.ts';

/** What node-postgres throws: an Error with the SQLSTATE and, for key violations, the key in `detail`. */
function driverError(code: string, extra: Record<string, string> = {}): Error {
  return Object.assign(new Error(`pg says ${code}`), { code, ...extra });
}

const wrapped = (cause: Error) => new DrizzleQueryError('insert into "users" ("email", "password_hash") values ($1, $2)', ['dewi@keluh.id', 'scrypt$secret'], cause);

describe('errors from PostgreSQL as the repositories let them out', () => {
  it('a unique violation names its constraint and neither the key nor the parameters', () => {
    const error = translatePgError(wrapped(driverError('23505', { constraint: 'users_email_unique', detail: 'Key (email)=(dewi@keluh.id) already exists.' })));
    expect(error).toBeInstanceOf(UniqueConstraintError);
    expect(error).toMatchObject({ message: 'UNIQUE constraint users_email_unique violated', constraint: 'users_email_unique' });
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toMatch(/dewi|secret/);
    expect(isUniqueViolation(error, 'users_email_unique')).toBe(true);
  });

  it("any other failure is the driver's error with the statement's text, not drizzle's message full of parameters", () => {
    const error = translatePgError(wrapped(driverError('23503'))) as Error & { code: string; query: string };
    expect(error.message).toBe('pg says 23503');
    expect(error).toMatchObject({ code: '23503', query: expect.stringContaining('insert into "users"') });
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toMatch(/secret/);
  });

  it('deadlocks and serialization failures are the ones worth running again', () => {
    expect(isRetryableTransactionError(translatePgError(wrapped(driverError('40P01'))))).toBe(true);
    expect(isRetryableTransactionError(wrapped(driverError('40001')))).toBe(true);
    expect(isRetryableTransactionError(wrapped(driverError('23505')))).toBe(false);
    expect(isRetryableTransactionError(new Error('boom'))).toBe(false);
  });

  it('errors that did not come from the database pass through untouched', () => {
    const own = new Error('not a database error');
    expect(translatePgError(own)).toBe(own);
  });
});
