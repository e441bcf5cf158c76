import { eq, inArray, sql } from 'drizzle-orm';
import { needsHistograms, rollupKey, type ReportRollupRepository } from '@keluh/core';
import { reportFoldCursor, reportRollups, reportSlaOutcomes, reportTicketStates, teams } from './schema/index.ts';
import { cellsOfRows, cellsOfTotals, chunks, CURSOR_NAME, mergedRows, rowsQuery, totalsQuery, type CellRow, type TotalsRow } from '../shared/report-cells.ts';
import type { PgDb } from './pg-db.ts';

export function createReportRollupRepository(db: PgDb): ReportRollupRepository {
  const byName = eq(reportFoldCursor.name, CURSOR_NAME);

  return {
    async lockCursor() {
      // The row must exist to be locked; of two first folds, the second inserts nothing and waits on the lock.
      await db.insert(reportFoldCursor).values({ name: CURSOR_NAME, lastEventId: 0 }).onConflictDoNothing();
      const [row] = await db.select({ last: reportFoldCursor.lastEventId }).from(reportFoldCursor).where(byName).for('update');
      return row!.last;
    },

    async setCursor(lastEventId) {
      await db.insert(reportFoldCursor).values({ name: CURSOR_NAME, lastEventId }).onConflictDoUpdate({ target: reportFoldCursor.name, set: { lastEventId } });
    },

    async getCursor() {
      const [row] = await db.select({ last: reportFoldCursor.lastEventId }).from(reportFoldCursor).where(byName);
      return row?.last ?? 0;
    },

    async getTeamTimeZone(teamId) {
      const [row] = await db.select({ zone: teams.timeZone }).from(teams).where(eq(teams.id, teamId));
      return row?.zone ?? null;
    },

    async listTicketStates(ticketIds) {
      const pages = await Promise.all(chunks(ticketIds, 1000).map((ids) => db.select().from(reportTicketStates).where(inArray(reportTicketStates.ticketId, ids))));
      return pages.flat();
    },

    async saveTicketStates(states) {
      for (const rows of chunks(states, 500)) {
        await db
          .insert(reportTicketStates)
          .values(rows)
          .onConflictDoUpdate({
            target: reportTicketStates.ticketId,
            set: {
              teamId: sql`excluded.team_id`,
              channel: sql`excluded.channel`,
              agentId: sql`excluded.agent_id`,
              customerType: sql`excluded.customer_type`,
              characteristic: sql`excluded.characteristic`,
              awaitingSince: sql`excluded.awaiting_since`,
              firstRepliedAt: sql`excluded.first_replied_at`,
            },
          });
      }
    },

    async recordSlaOutcomes(keys) {
      const recorded = [];
      for (const rows of chunks(keys, 1000)) {
        const inserted = await db
          .insert(reportSlaOutcomes)
          .values(rows.map((key) => ({ ticketId: key.ticketId, metric: key.metric, clockStartedAt: key.startedAt })))
          .onConflictDoNothing()
          .returning();
        recorded.push(...inserted.map((row) => ({ ticketId: row.ticketId, metric: row.metric, startedAt: row.clockStartedAt })));
      }
      return recorded;
    },

    async addRollups(deltas) {
      for (const page of chunks(deltas, 500)) {
        const existing = new Map((await db.select().from(reportRollups).where(inArray(reportRollups.key, page.map(rollupKey)))).map((row) => [row.key, row]));
        await db
          .insert(reportRollups)
          .values(mergedRows(page, existing))
          .onConflictDoUpdate({ target: reportRollups.key, set: { count: sql`excluded.count`, sum: sql`excluded.sum`, histogram: sql`excluded.histogram` } });
      }
    },

    async listReportCells(query) {
      if (query.days.length === 0 || query.metrics.length === 0) return [];
      if (needsHistograms(query.metrics)) return cellsOfRows((await db.execute<CellRow & Record<string, unknown>>(rowsQuery(query))).rows);
      return cellsOfTotals((await db.execute<TotalsRow & Record<string, unknown>>(totalsQuery(query))).rows);
    },
  };
}
