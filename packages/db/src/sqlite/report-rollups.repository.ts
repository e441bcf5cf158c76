import { eq, inArray, sql } from 'drizzle-orm';
import { needsHistograms, rollupKey, type ReportRollupRepository } from '@keluh/core';
import { reportFoldCursor, reportRollups, reportSlaOutcomes, reportTicketStates, teams } from '../schema/index.ts';
import { cellsOfRows, cellsOfTotals, chunks, CURSOR_NAME, mergedRows, rowsQuery, totalsQuery, type CellRow, type TotalsRow } from '../shared/report-cells.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createReportRollupRepository(db: SqliteDb): ReportRollupRepository {
  const cursor = () => db.select({ last: reportFoldCursor.lastEventId }).from(reportFoldCursor).where(eq(reportFoldCursor.name, CURSOR_NAME)).get()?.last ?? 0;

  return {
    // SQLite's one writer already holds everything a transaction touched: reading is the lock.
    async lockCursor() {
      return cursor();
    },

    async setCursor(lastEventId) {
      db.insert(reportFoldCursor)
        .values({ name: CURSOR_NAME, lastEventId })
        .onConflictDoUpdate({ target: reportFoldCursor.name, set: { lastEventId } })
        .run();
    },

    async getCursor() {
      return cursor();
    },

    async getTeamTimeZone(teamId) {
      return db.select({ zone: teams.timeZone }).from(teams).where(eq(teams.id, teamId)).get()?.zone ?? null;
    },

    async listTicketStates(ticketIds) {
      return chunks(ticketIds, 500).flatMap((ids) => db.select().from(reportTicketStates).where(inArray(reportTicketStates.ticketId, ids)).all());
    },

    async saveTicketStates(states) {
      for (const rows of chunks(states, 100)) {
        db.insert(reportTicketStates)
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
          })
          .run();
      }
    },

    async recordSlaOutcomes(keys) {
      if (keys.length === 0) return [];
      return chunks(keys, 300).flatMap((rows) =>
        db
          .insert(reportSlaOutcomes)
          .values(rows.map((key) => ({ ticketId: key.ticketId, metric: key.metric, clockStartedAt: key.startedAt })))
          .onConflictDoNothing()
          .returning()
          .all()
          .map((row) => ({ ticketId: row.ticketId, metric: row.metric, startedAt: row.clockStartedAt })),
      );
    },

    async addRollups(deltas) {
      for (const page of chunks(deltas, 200)) {
        const keys = page.map(rollupKey);
        const existing = new Map(db.select().from(reportRollups).where(inArray(reportRollups.key, keys)).all().map((row) => [row.key, row]));
        db.insert(reportRollups)
          .values(mergedRows(page, existing))
          .onConflictDoUpdate({ target: reportRollups.key, set: { count: sql`excluded.count`, sum: sql`excluded.sum`, histogram: sql`excluded.histogram` } })
          .run();
      }
    },

    async listReportCells(query) {
      if (query.days.length === 0 || query.metrics.length === 0) return [];
      return needsHistograms(query.metrics) ? cellsOfRows(db.all<CellRow>(rowsQuery(query))) : cellsOfTotals(db.all<TotalsRow>(totalsQuery(query)));
    },
  };
}
