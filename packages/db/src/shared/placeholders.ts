import { sql, type SQL } from 'drizzle-orm';

/**
 * A prepared statement's named parameter where drizzle's types take only SQL (an UPDATE's `set`). The
 * value is bound as given, without a column's encoder: use it for text and numbers, not JSON columns.
 */
export const param = (name: string): SQL => sql`${sql.placeholder(name)}`;
