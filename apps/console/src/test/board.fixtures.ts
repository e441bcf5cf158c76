import type { AgentEvent, BoardSnapshotDto, SlaClockDto } from '@keluh/contracts';

export const boardAt = (minute: number, second = 0) => new Date(Date.UTC(2025, 0, 6, 9, minute, second)).toISOString();

export function clock(ticketId: number, startMinute: number, targetSeconds: number, overrides: Partial<SlaClockDto> = {}): SlaClockDto {
  const start = Date.parse(boardAt(startMinute));
  return {
    ticketId, metric: 'first_response', policyId: 1, targetSeconds, businessHours: false, state: 'running', startedAt: boardAt(startMinute),
    dueAt: new Date(start + targetSeconds * 1000).toISOString(), warnAt: new Date(start + targetSeconds * 800).toISOString(),
    remainingSeconds: null, stoppedAt: null, warnedAt: null, breachedAt: null, updatedAt: boardAt(startMinute), ...overrides,
  };
}

/** An empty board of the whole desk as of event 10, loaded at 09:30, with two agents. */
export function boardSnapshot(overrides: Partial<BoardSnapshotDto> = {}): BoardSnapshotDto {
  return {
    asOfEventId: 10, generatedAt: boardAt(30), teamIds: null, timeZone: 'Asia/Jakarta',
    tiles: { waitingNow: 0, aboutToBreach: 0, breachedToday: 0, agentsOnline: 1, csatToday: { responses: 0, scoreSum: 0, satisfied: 0, average: null, satisfiedPercent: null } },
    queue: [], queueTruncated: false, aboutToBreach: [],
    agents: [
      { userId: 7, name: 'Dewi', teamIds: [1], status: 'online', openCount: 0, capacity: 5, currentTicketId: null },
      { userId: 8, name: 'Sari', teamIds: [1], status: 'offline', openCount: 0, capacity: 3, currentTicketId: null },
    ],
    stages: ([1, 2, 3, 4, 5] as const).map((stage) => ({ stage, count: 0, averageDwellMs: null, stuck: 0 })),
    volume: [],
    ...overrides,
  };
}

export const boardEvents = {
  sla: (id: number, ticketId: number, clocks: SlaClockDto[]): AgentEvent => ({ id, type: 'sla.updated', ticketId, createdAt: boardAt(31), payload: { ticketId, clocks, change: 'recomputed' } }) as AgentEvent,
  presence: (id: number, userId: number, status: 'online' | 'away' | 'offline', currentTicketId: number | null = null): AgentEvent =>
    ({ id, type: 'presence.updated', ticketId: null, createdAt: boardAt(31), payload: { presence: { userId, status, connections: status === 'offline' ? 0 : 1, currentTicketId } } }) as AgentEvent,
  stuck: (id: number, ticketId: number, stage: 1 | 2 | 3 | 4 | 5): AgentEvent =>
    ({ id, type: 'workflow.stuck', ticketId, createdAt: boardAt(31), payload: { stuck: { ticketId, subject: 's', stage, stageEnteredAt: boardAt(0), thresholdMs: 60_000, assigneeId: null, assigneeName: null, nudgedAt: boardAt(31) } } }) as AgentEvent,
};
