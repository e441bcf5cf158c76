import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { LoginFailureCount, LoginFailureRepository } from '@keluh/core';
import { loginFailures } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createLoginFailureRepository(db: PgDb): LoginFailureRepository {
  return {
    async find(keys) {
      const rows = keys.length === 0 ? [] : await db.select().from(loginFailures).where(inArray(loginFailures.key, keys));
      return new Map<string, LoginFailureCount>(rows.map(({ key, ...count }) => [key, count]));
    },

    async recordFailure(key, now, forgetBefore) {
      // One statement: concurrent failures from several processes each add one, none is lost.
      const [row] = await db
        .insert(loginFailures)
        .values({ key, failures: 1, lastFailureAt: now, lockedUntil: null })
        .onConflictDoUpdate({
          target: loginFailures.key,
          set: {
            failures: sql`CASE WHEN ${loginFailures.lastFailureAt} < ${forgetBefore}::timestamptz THEN 1 ELSE ${loginFailures.failures} + 1 END`,
            lastFailureAt: now,
          },
        })
        .returning({ failures: loginFailures.failures });
      return row!.failures;
    },

    async lockUntil(key, until) {
      await db
        .update(loginFailures)
        .set({ lockedUntil: until })
        .where(and(eq(loginFailures.key, key), or(isNull(loginFailures.lockedUntil), lt(loginFailures.lockedUntil, until))));
    },

    async clear(key) {
      await db.delete(loginFailures).where(eq(loginFailures.key, key));
    },

    async purgeStale(before, now) {
      const result = await db
        .delete(loginFailures)
        .where(and(lt(loginFailures.lastFailureAt, before), or(isNull(loginFailures.lockedUntil), lte(loginFailures.lockedUntil, now))));
      return result.rowCount ?? 0;
    },
  };
}
