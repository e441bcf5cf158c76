import type { ReportCell, ReportCellQuery, ReportTicketState, RollupDelta, SlaOutcomeKey } from '../reports/report.types.ts';

/**
 * The hourly report rollups and the fold's own state. Guarantee — exactly once: `lockCursor` holds the
 * cursor until the transaction ends (SELECT … FOR UPDATE; SQLite's single writer), so two folders never
 * fold the same events; the rollups, the ticket states and the cursor commit together or not at all.
 */
export interface ReportRollupRepository {
  /** The id of the last event folded (0 before the first fold), locked for the rest of the transaction. */
  lockCursor(): Promise<number>;
  setCursor(lastEventId: number): Promise<void>;
  /** Read-only; outside a transaction it may lag a fold in progress. */
  getCursor(): Promise<number>;
  /** The IANA zone a team's report days are counted in; null for an unknown team. */
  getTeamTimeZone(teamId: number): Promise<string | null>;
  listTicketStates(ticketIds: readonly number[]): Promise<ReportTicketState[]>;
  saveTicketStates(states: readonly ReportTicketState[]): Promise<void>;
  /** Records clock outcomes not seen before and answers those that were new. */
  recordSlaOutcomes(keys: readonly SlaOutcomeKey[]): Promise<SlaOutcomeKey[]>;
  /** Adds each delta to its row (hour × dims × metric), creating rows as needed; histograms are summed. */
  addRollups(deltas: readonly RollupDelta[]): Promise<void>;
  /** Rollups summed per local day, group and metric (the groups' values as text; null where unknown). */
  listReportCells(query: ReportCellQuery): Promise<ReportCell[]>;
}
