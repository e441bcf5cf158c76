/*
 * PostgreSQL reports failures by SQLSTATE. drizzle wraps the driver's error (DrizzleQueryError, whose
 * message is the query and its parameters), so the code sits on the error or on its cause.
 */

const UNIQUE_VIOLATION = '23505';

interface PgDriverError {
  code?: string;
  constraint?: string;
  message?: string;
}

export function pgDriverError(error: unknown): PgDriverError | null {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 3; depth += 1) {
    const candidate = current as PgDriverError & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return null;
}

export const isUniqueViolation = (error: unknown, constraint?: string): boolean => {
  const cause = pgDriverError(error);
  return cause?.code === UNIQUE_VIOLATION && (constraint === undefined || cause.constraint === constraint);
};

/** A serialization failure or a deadlock: the database rolled the transaction back, and running it again may succeed. */
export const isRetryableTransactionError = (error: unknown): boolean => {
  const code = pgDriverError(error)?.code;
  return code === '40001' || code === '40P01';
};

/**
 * A unique key refused a write that no port method turns into a result (a second account with the same
 * email, a message queued twice). Carries the constraint's name; the message starts like SQLite's
 * (`UNIQUE constraint …`) so both engines fail alike, and, like SQLite's, it names no value: the query's
 * parameters and the key (an email, a token digest) stay out of logs.
 */
export class UniqueConstraintError extends Error {
  readonly code = UNIQUE_VIOLATION;
  readonly constraint: string | null;

  constructor(cause: PgDriverError) {
    // Not chained to the driver's error: its `detail` spells out the duplicate key.
    super(`UNIQUE constraint ${cause.constraint ?? '(unnamed)'} violated`);
    this.name = 'UniqueConstraintError';
    this.constraint = cause.constraint ?? null;
  }
}

/**
 * The error a repository method lets out. Unique violations are named (above). Anything else from the
 * database is the driver's own error — SQLSTATE, message and the statement's text — rather than drizzle's
 * wrapper, whose message lists every parameter (message bodies, secrets) and would put them in the log.
 */
export function translatePgError(error: unknown): unknown {
  const driver = pgDriverError(error);
  if (!driver || !(error instanceof Error)) return error;
  if (driver.code === UNIQUE_VIOLATION) return new UniqueConstraintError(driver);
  const query = (error as { query?: unknown }).query;
  if (driver !== error && driver instanceof Error && typeof query === 'string') return Object.assign(driver, { query });
  return error;
}
