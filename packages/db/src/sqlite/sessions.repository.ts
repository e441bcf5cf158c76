import { and, eq, gt, lte } from 'drizzle-orm';
import type { SessionRepository } from '@keluh/core';
import { sessions } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createSessionRepository(db: SqliteDb): SessionRepository {
  return {
    async create(session) {
      db.insert(sessions).values(session).run();
    },

    async findValid(tokenHash, now) {
      // ISO-8601 UTC strings of one format order correctly as text, so expiry is a plain comparison.
      return (
        db
          .select()
          .from(sessions)
          .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
          .get() ?? null
      );
    },

    async delete(tokenHash) {
      db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
    },

    async deleteForUser(userId) {
      return db.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash }).all().map((row) => row.tokenHash);
    },

    async purgeExpired(now) {
      // The same boundary as findValid: a session is dead from the instant it expires.
      return db.delete(sessions).where(lte(sessions.expiresAt, now)).run().changes;
    },
  };
}
