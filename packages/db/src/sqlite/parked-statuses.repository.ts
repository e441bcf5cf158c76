import { and, eq, lt } from 'drizzle-orm';
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
      // One statement: two takers (two processes settling one send) can never both apply a parked status.
      const rows = db
        .delete(parkedStatuses)
        .where(and(eq(parkedStatuses.channel, channel), eq(parkedStatuses.externalId, externalId)))
        .returning()
        .all()
        .sort((a, b) => a.id - b.id);
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
