import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { SessionRepository } from '@keluh/core';
import { sessions } from './schema/index.ts';
import { prepared, type PgDb } from './pg-db.ts';

export function createSessionRepository(db: PgDb): SessionRepository {
  // Checked on every authenticated request and socket connection.
  const valid = prepared(() =>
    db
      .select()
      .from(sessions)
      .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
      .prepare('sessions_find_valid'),
  );

  return {
    async create(session) {
      await db.insert(sessions).values(session);
    },

    async findValid(tokenHash, now) {
      const [row] = await valid().execute({ tokenHash, now });
      return row ?? null;
    },

    async delete(tokenHash) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    async deleteForUser(userId) {
      return (await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash })).map((row) => row.tokenHash);
    },

    async purgeExpired(now) {
      return (await db.delete(sessions).where(lte(sessions.expiresAt, now))).rowCount ?? 0;
    },
  };
}
