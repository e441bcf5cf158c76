import { customType } from 'drizzle-orm/pg-core';

/**
 * A jsonb column holding `T`. Unlike drizzle's own jsonb, a null stays SQL NULL instead of becoming the
 * JSON value `null` when bound through a prepared statement's placeholder, so `IS NULL` means "absent"
 * exactly as on SQLite. node-postgres already parses jsonb on the way out.
 */
export function jsonb<T>(name: string) {
  return customType<{ data: T; driverData: string | null }>({
    dataType: () => 'jsonb',
    toDriver: (value) => (value === null ? null : JSON.stringify(value)),
  })(name);
}
