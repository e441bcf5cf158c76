import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditLogRepository } from '@keluh/core';
import { auditLog } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createAuditLogRepository(db: PgDb): AuditLogRepository {
  return {
    async append(entry) {
      const [row] = await db.insert(auditLog).values(entry).returning();
      return row as AuditEntry;
    },

    async list({ action, actorUserId, before, limit }) {
      const where: SQL[] = [];
      if (action) where.push(eq(auditLog.action, action));
      if (actorUserId !== undefined) where.push(eq(auditLog.actorUserId, actorUserId));
      if (before !== undefined) where.push(lt(auditLog.id, before));
      return (await db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.id)).limit(limit)) as AuditEntry[];
    },
  };
}
