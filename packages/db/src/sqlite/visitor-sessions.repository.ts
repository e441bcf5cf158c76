import { and, eq, isNull } from 'drizzle-orm';
import type { VisitorSessionRepository } from '@keluh/core';
import { visitorSessions } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createVisitorSessionRepository(db: SqliteDb): VisitorSessionRepository {
  const live = (id: string) => and(eq(visitorSessions.id, id), isNull(visitorSessions.revokedAt));
  return {
    async create(session) {
      db.insert(visitorSessions).values(session).run();
    },

    async findById(id) {
      return db.select().from(visitorSessions).where(eq(visitorSessions.id, id)).get() ?? null;
    },

    async rotate(id, { expectedHash, nextHash, expiresAt, at }) {
      // The refresh digest in the WHERE makes this a compare-and-swap: of two refreshes with one token,
      // exactly one matches a row, whichever process or connection they run on.
      const result = db
        .update(visitorSessions)
        .set({ refreshHash: nextHash, previousRefreshHash: expectedHash, rotatedAt: at, expiresAt })
        .where(and(live(id), eq(visitorSessions.refreshHash, expectedHash)))
        .run();
      return result.changes === 1;
    },

    async revoke(id, reason, at) {
      return db.update(visitorSessions).set({ revokedAt: at, revokedReason: reason }).where(live(id)).run().changes === 1;
    },

    async revokeForVisitor(visitorId, reason, at) {
      return db
        .update(visitorSessions)
        .set({ revokedAt: at, revokedReason: reason })
        .where(and(eq(visitorSessions.visitorId, visitorId), isNull(visitorSessions.revokedAt)))
        .returning({ id: visitorSessions.id })
        .all()
        .map((row) => row.id);
    },

    async existsForVisitor(visitorId) {
      return db.select({ id: visitorSessions.id }).from(visitorSessions).where(eq(visitorSessions.visitorId, visitorId)).limit(1).get() !== undefined;
    },
  };
}
