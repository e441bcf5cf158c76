import { bigint } from 'drizzle-orm/pg-core';

/**
 * Ids and the columns pointing at them: 64-bit, like SQLite's INTEGER. Then any id a client can send (a
 * safe integer) is simply one that finds nothing, never an out-of-range error that only PostgreSQL
 * raises. Read as numbers: ids stay far below 2^53.
 */
export const id = (name: string) => bigint(name, { mode: 'number' });
