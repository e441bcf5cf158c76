import type { BoardSnapshotDto, SlaClockDto } from '@keluh/contracts';
import type { BoardCsat } from '@keluh/core';

type Snapshot = BoardSnapshotDto;
export type QueueRow = Snapshot['queue'][number];
export type BoardAgentRow = Snapshot['agents'][number];
export type VolumePoint = Snapshot['volume'][number];

/** A ticket whose clocks we watch for "about to breach" without it being in the queue (a pending one). */
export interface WatchedTicket {
  ticketId: number;
  subject: string;
  customerName: string;
  assignee: QueueRow['assignee'];
  clocks: SlaClockDto[];
}

export interface StageState {
  stage: 1 | 2 | 3 | 4 | 5;
  count: number;
  /** Sum of the entry times (epoch ms) of the tickets in the stage: the average dwell at any `now` follows from it. */
  enteredSumMs: number;
  stuck: number;
}

/**
 * The board as the console holds it: the snapshot's sections in a form live events fold into exactly,
 * and from which the clocks and tiles are computed at any second without asking the server.
 */
export interface BoardState {
  /** Events at or below it are already reflected (a replay of them changes nothing). */
  lastEventId: number;
  generatedAt: string;
  teamIds: number[] | null;
  timeZone: string;
  queue: QueueRow[];
  queueTruncated: boolean;
  watched: Record<number, WatchedTicket>;
  waitingNow: number;
  /** Breaches counted by the server up to `generatedAt`; later ones are seen on the clocks we hold. */
  breachedBefore: number;
  csat: BoardCsat;
  agents: BoardAgentRow[];
  stages: StageState[];
  /** Stage and entry time of the tickets we know, so a move takes its dwell out of the right column. */
  ticketStages: Record<number, { stage: StageState['stage']; enteredAt: string | null }>;
  stuckTickets: Record<number, StageState['stage']>;
  volume: VolumePoint[];
}

export function boardFromSnapshot(snapshot: Snapshot): BoardState {
  const generated = Date.parse(snapshot.generatedAt);
  const watched: Record<number, WatchedTicket> = {};
  for (const row of snapshot.aboutToBreach) {
    const entry = (watched[row.ticketId] ??= { ticketId: row.ticketId, subject: row.subject, customerName: row.customerName, assignee: row.assignee, clocks: [] });
    entry.clocks.push(row.clock);
  }
  return {
    lastEventId: snapshot.asOfEventId,
    generatedAt: snapshot.generatedAt,
    teamIds: snapshot.teamIds,
    timeZone: snapshot.timeZone,
    queue: snapshot.queue,
    queueTruncated: snapshot.queueTruncated,
    watched,
    waitingNow: snapshot.tiles.waitingNow,
    breachedBefore: snapshot.tiles.breachedToday,
    csat: snapshot.tiles.csatToday,
    agents: snapshot.agents,
    stages: snapshot.stages.map((stage) => ({
      stage: stage.stage,
      count: stage.count,
      enteredSumMs: stage.count * (generated - (stage.averageDwellMs ?? 0)),
      stuck: stage.stuck,
    })),
    ticketStages: Object.fromEntries(snapshot.queue.map((row) => [row.ticketId, { stage: row.stage, enteredAt: null }])),
    stuckTickets: {},
    volume: snapshot.volume,
  };
}
