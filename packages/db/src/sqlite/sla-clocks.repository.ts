import { and, asc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { SlaClockRepository, SlaMetric } from '@keluh/core';
import { slaClocks } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createSlaClockRepository(db: SqliteDb): SlaClockRepository {
  const run = (ticketId: number, metric: SlaMetric, startedAt: string) =>
    and(eq(slaClocks.ticketId, ticketId), eq(slaClocks.metric, metric), eq(slaClocks.startedAt, startedAt), isNull(slaClocks.stoppedAt));
  return {
    async listForTicket(ticketId) {
      return db.select().from(slaClocks).where(eq(slaClocks.ticketId, ticketId)).orderBy(asc(slaClocks.metric)).all();
    },
    async replaceForTicket(ticketId, clocks) {
      const metrics = clocks.map((clock) => clock.metric);
      db.delete(slaClocks).where(metrics.length > 0 ? and(eq(slaClocks.ticketId, ticketId), notInArray(slaClocks.metric, metrics)) : eq(slaClocks.ticketId, ticketId)).run();
      for (const clock of clocks) {
        const { ticketId: _ticket, metric: _metric, ...rest } = clock;
        db.insert(slaClocks).values({ ...clock, ticketId }).onConflictDoUpdate({ target: [slaClocks.ticketId, slaClocks.metric], set: rest }).run();
      }
    },
    async markWarned(ticketId, metric, startedAt, at) {
      return db.update(slaClocks).set({ warnedAt: at, updatedAt: at }).where(and(run(ticketId, metric, startedAt), isNull(slaClocks.warnedAt), inArray(slaClocks.state, ['running', 'breached']))).run().changes === 1;
    },
    async markBreached(ticketId, metric, startedAt, at) {
      return db.update(slaClocks).set({ breachedAt: at, state: 'breached', updatedAt: at }).where(and(run(ticketId, metric, startedAt), isNull(slaClocks.breachedAt), inArray(slaClocks.state, ['running', 'breached']))).run().changes === 1;
    },
  };
}
