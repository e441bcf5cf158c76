import type { ChannelKind } from '../channels/channel.types.ts';
import type { CustomerBrief } from '../customers/customer.types.ts';
import type { PresenceStatus } from '../ports/presence.port.ts';
import type { Instant } from '../shared/instant.ts';
import type { SlaClock } from '../sla/sla.types.ts';
import type { TicketPriority, WorkflowStage } from '../tickets/ticket.types.ts';

/** Which tickets a board covers: the given teams, or every ticket (null: an admin's whole desk). */
export interface BoardFilter {
  teamIds: number[] | null;
  now: Instant;
  /** Midnight of today in the board's time zone: "breached today" and "CSAT today" count from here. */
  dayStart: Instant;
}

export interface BoardCsat {
  responses: number;
  /** Sum of today's scores and how many were 4 or 5: a live rating folds into them exactly. */
  scoreSum: number;
  satisfied: number;
  /** Mean score (1–5), null with no response today. */
  average: number | null;
  /** Share of responses scoring 4 or 5, 0–100, null with no response today. */
  satisfiedPercent: number | null;
}

export interface BoardTiles {
  waitingNow: number;
  aboutToBreach: number;
  breachedToday: number;
  agentsOnline: number;
  csatToday: BoardCsat;
}

/** The aggregates one query answers; agentsOnline comes from the presence tracker, not the database. */
export type BoardTileCounts = Omit<BoardTiles, 'agentsOnline'>;

export interface BoardQueueRow {
  ticketId: number;
  subject: string;
  customer: CustomerBrief;
  assignee: { id: number; name: string } | null;
  teamId: number | null;
  channel: ChannelKind;
  priority: TicketPriority;
  stage: WorkflowStage;
  /** When the customer's unanswered message arrived; null when the last word was ours. */
  waitingSince: Instant | null;
  lastMessageAt: Instant;
  clocks: SlaClock[];
}

export interface BoardBreachRow {
  ticketId: number;
  subject: string;
  customerName: string;
  assignee: { id: number; name: string } | null;
  clock: SlaClock;
}

export interface BoardAgentLoad {
  userId: number;
  name: string;
  teamIds: number[];
  openCount: number;
  /**
   * Open tickets the agent takes per channel (their own agent_capacities row, else the largest default of
   * their teams): the load bar compares the open count with it.
   */
  capacity: number;
}

export interface BoardAgent extends BoardAgentLoad {
  status: PresenceStatus;
  /** The ticket the agent is looking at now, when the presence tracker knows it. */
  currentTicketId: number | null;
}

export interface BoardStage {
  stage: WorkflowStage;
  count: number;
  /** Average time the tickets now in this stage have spent in it, in ms; null when the stage is empty. */
  averageDwellMs: number | null;
  stuck: number;
}

export interface BoardVolumePoint {
  /** The hour bucket, UTC, as an instant (`2026-03-02T08:00:00.000Z`). */
  hour: Instant;
  channel: ChannelKind;
  inbound: number;
}

export interface BoardSnapshot {
  /** The newest event the snapshot already includes: replay from here loses nothing. */
  asOfEventId: number;
  generatedAt: Instant;
  teamIds: number[] | null;
  timeZone: string;
  tiles: BoardTiles;
  queue: BoardQueueRow[];
  /** True when there were more open tickets than the queue carries. */
  queueTruncated: boolean;
  aboutToBreach: BoardBreachRow[];
  agents: BoardAgent[];
  stages: BoardStage[];
  volume: BoardVolumePoint[];
}
