import { and, asc, eq, lt } from 'drizzle-orm';
import type { ParkedStatusRepository } from '@keluh/core';
import { parkedStatuses } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createParkedStatusRepository(db: SqliteDb): ParkedStatusRepository {
  return {
    async park(event, now) {
      db.insert(parkedStatuses)
        .values({ channel: event.channel, externalId: event.externalMessageId, status: event.status, at: event.at, error: event.error ?? null, receivedAt: now })
        .run();
    },
    async take(channel, externalId) {
      const key = and(eq(parkedStatuses.channel, channel), eq(parkedStatuses.externalId, externalId));
      const rows = db.select().from(parkedStatuses).where(key).orderBy(asc(parkedStatuses.id)).all();
      if (rows.length > 0) db.delete(parkedStatuses).where(key).run();
      return rows.map((row) => ({
        kind: 'status' as const,
        channel: row.channel,
        externalMessageId: row.externalId,
        status: row.status,
        at: row.at,
        error: row.error ?? null,
      }));
    },
    async purgeOlderThan(before) {
      return db.delete(parkedStatuses).where(lt(parkedStatuses.receivedAt, before)).run().changes;
    },
  };
}
