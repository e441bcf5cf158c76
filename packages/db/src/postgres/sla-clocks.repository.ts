import { and, asc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { SlaClockRepository, SlaMetric } from '@keluh/core';
import { slaClocks } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createSlaClockRepository(db: PgDb): SlaClockRepository {
  const run = (ticketId: number, metric: SlaMetric, startedAt: string) =>
    and(eq(slaClocks.ticketId, ticketId), eq(slaClocks.metric, metric), eq(slaClocks.startedAt, startedAt), isNull(slaClocks.stoppedAt));
  const ticking = inArray(slaClocks.state, ['running', 'breached']);
  return {
    async listForTicket(ticketId) {
      return db.select().from(slaClocks).where(eq(slaClocks.ticketId, ticketId)).orderBy(asc(slaClocks.metric));
    },
    async replaceForTicket(ticketId, clocks) {
      const metrics = clocks.map((clock) => clock.metric);
      await db.delete(slaClocks).where(metrics.length > 0 ? and(eq(slaClocks.ticketId, ticketId), notInArray(slaClocks.metric, metrics)) : eq(slaClocks.ticketId, ticketId));
      for (const clock of clocks) {
        const { ticketId: _ticket, metric: _metric, ...rest } = clock;
        await db.insert(slaClocks).values({ ...clock, ticketId }).onConflictDoUpdate({ target: [slaClocks.ticketId, slaClocks.metric], set: rest });
      }
    },
    async markWarned(ticketId, metric, startedAt, at) {
      // One UPDATE with the condition in its WHERE: of two runners, the second re-checks after the first commits and changes nothing.
      const rows = await db.update(slaClocks).set({ warnedAt: at, updatedAt: at }).where(and(run(ticketId, metric, startedAt), isNull(slaClocks.warnedAt), ticking)).returning({ metric: slaClocks.metric });
      return rows.length === 1;
    },
    async markBreached(ticketId, metric, startedAt, at) {
      const rows = await db.update(slaClocks).set({ breachedAt: at, state: 'breached', updatedAt: at }).where(and(run(ticketId, metric, startedAt), isNull(slaClocks.breachedAt), ticking)).returning({ metric: slaClocks.metric });
      return rows.length === 1;
    },
  };
}
