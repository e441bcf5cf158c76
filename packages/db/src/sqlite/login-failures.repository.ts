import { and, inArray, isNull, lt, lte, or, eq, sql } from 'drizzle-orm';
import type { LoginFailureCount, LoginFailureRepository } from '@keluh/core';
import { loginFailures } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createLoginFailureRepository(db: SqliteDb): LoginFailureRepository {
  return {
    async find(keys) {
      const rows = keys.length === 0 ? [] : db.select().from(loginFailures).where(inArray(loginFailures.key, keys)).all();
      return new Map<string, LoginFailureCount>(rows.map(({ key, ...count }) => [key, count]));
    },

    async recordFailure(key, now, forgetBefore) {
      // One statement: concurrent failures from several processes each add one, none is lost.
      const row = db
        .insert(loginFailures)
        .values({ key, failures: 1, lastFailureAt: now, lockedUntil: null })
        .onConflictDoUpdate({
          target: loginFailures.key,
          set: {
            failures: sql`CASE WHEN ${loginFailures.lastFailureAt} < ${forgetBefore} THEN 1 ELSE ${loginFailures.failures} + 1 END`,
            lastFailureAt: now,
          },
        })
        .returning({ failures: loginFailures.failures })
        .get();
      return row.failures;
    },

    async lockUntil(key, until) {
      db.update(loginFailures)
        .set({ lockedUntil: until })
        .where(and(eq(loginFailures.key, key), or(isNull(loginFailures.lockedUntil), lt(loginFailures.lockedUntil, until))))
        .run();
    },

    async clear(key) {
      db.delete(loginFailures).where(eq(loginFailures.key, key)).run();
    },

    async purgeStale(before, now) {
      return db
        .delete(loginFailures)
        .where(and(lt(loginFailures.lastFailureAt, before), or(isNull(loginFailures.lockedUntil), lte(loginFailures.lockedUntil, now))))
        .run().changes;
    },
  };
}
