import { and, eq, lt } from 'drizzle-orm';
import type { ParkedStatusRepository } from '@keluh/core';
import { parkedStatuses } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createParkedStatusRepository(db: PgDb): ParkedStatusRepository {
  return {
    async park(event, now) {
      await db
        .insert(parkedStatuses)
        .values({ channel: event.channel, externalId: event.externalMessageId, status: event.status, at: event.at, error: event.error ?? null, receivedAt: now });
    },

    async take(channel, externalId) {
      // One statement: of two takers (two processes settling one send) the second waits on the row locks
      // and then finds them deleted, so a parked status is never applied twice.
      const rows = await db
        .delete(parkedStatuses)
        .where(and(eq(parkedStatuses.channel, channel), eq(parkedStatuses.externalId, externalId)))
        .returning();
      return rows
        .sort((a, b) => a.id - b.id)
        .map((row) => ({
          kind: 'status' as const,
          channel: row.channel,
          externalMessageId: row.externalId,
          status: row.status,
          at: row.at,
          error: row.error ?? null,
        }));
    },

    async purgeOlderThan(before) {
      return (await db.delete(parkedStatuses).where(lt(parkedStatuses.receivedAt, before))).rowCount ?? 0;
    },
  };
}
