import { and, eq, isNull } from 'drizzle-orm';
import type { VisitorSessionRepository } from '@keluh/core';
import { visitorSessions } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createVisitorSessionRepository(db: PgDb): VisitorSessionRepository {
  const live = (id: string) => and(eq(visitorSessions.id, id), isNull(visitorSessions.revokedAt));
  return {
    async create(session) {
      await db.insert(visitorSessions).values(session);
    },

    async findById(id) {
      const [row] = await db.select().from(visitorSessions).where(eq(visitorSessions.id, id));
      return row ?? null;
    },

    async rotate(id, { expectedHash, nextHash, expiresAt, at }) {
      // The refresh digest in the WHERE makes this a compare-and-swap: of two refreshes with one token,
      // exactly one matches a row, whichever process or connection they run on.
      const result = await db
        .update(visitorSessions)
        .set({ refreshHash: nextHash, previousRefreshHash: expectedHash, rotatedAt: at, expiresAt })
        .where(and(live(id), eq(visitorSessions.refreshHash, expectedHash)));
      return result.rowCount === 1;
    },

    async revoke(id, reason, at) {
      return (await db.update(visitorSessions).set({ revokedAt: at, revokedReason: reason }).where(live(id))).rowCount === 1;
    },

    async revokeForVisitor(visitorId, reason, at) {
      const rows = await db
        .update(visitorSessions)
        .set({ revokedAt: at, revokedReason: reason })
        .where(and(eq(visitorSessions.visitorId, visitorId), isNull(visitorSessions.revokedAt)))
        .returning({ id: visitorSessions.id });
      return rows.map((row) => row.id);
    },

    async existsForVisitor(visitorId) {
      const rows = await db.select({ id: visitorSessions.id }).from(visitorSessions).where(eq(visitorSessions.visitorId, visitorId)).limit(1);
      return rows.length > 0;
    },
  };
}
