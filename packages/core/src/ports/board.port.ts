import type { BoardAgentLoad, BoardBreachRow, BoardFilter, BoardQueueRow, BoardStage, BoardTileCounts, BoardVolumePoint } from '../board/board.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { WorkflowStage } from '../tickets/ticket.types.ts';

/**
 * The supervisor board's read side: one method per section, each a few indexed statements over the whole
 * filter (never one per ticket), so the first load stays fast on a desk with 100 k tickets. Read-only.
 */
export interface BoardReadModel {
  /** Waiting now, about to breach, breached today and CSAT today. */
  getTileCounts(filter: BoardFilter): Promise<BoardTileCounts>;
  /** Open tickets, unassigned first, then the longest waiting; `limit + 1` rows tell whether it was cut. */
  listQueue(filter: BoardFilter, limit: number): Promise<BoardQueueRow[]>;
  /** Running clocks past their warning or due within `withinMs`, soonest due first. */
  listAboutToBreach(filter: BoardFilter, withinMs: number, limit: number): Promise<BoardBreachRow[]>;
  /** Agents who are members of the teams (every agent without a filter), with open load and capacity. */
  listAgentLoads(filter: BoardFilter): Promise<BoardAgentLoad[]>;
  /** Open and pending tickets per stage 1–5 with their average dwell and how many are stuck. */
  countStages(filter: BoardFilter, thresholdMs: Record<WorkflowStage, number>): Promise<BoardStage[]>;
  /** Inbound messages per channel per UTC hour since `since`. */
  countVolume(filter: BoardFilter, since: Instant): Promise<BoardVolumePoint[]>;
  /** The time zone of the board's teams (the first of them; the default team's without a filter). */
  getTimeZone(teamIds: number[] | null): Promise<string>;
}
