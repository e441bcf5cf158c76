import type { CoreDeps } from '../shared/deps.ts';
import { listPresence } from '../assignment/presence.usecases.ts';
import type { PresenceTracker, StaffPresence } from '../ports/presence.port.ts';
import { addMilliseconds } from '../shared/instant.ts';
import { thresholdsMs } from '../workflow/stage-machine.rules.ts';
import { effectiveSettings } from '../workflow/workflow-snapshot.ts';
import { BOARD_BREACH_LIMIT, BOARD_BREACH_WINDOW_MS, BOARD_QUEUE_LIMIT, BOARD_VOLUME_HOURS, dayStartIn } from './board.rules.ts';
import type { BoardAgent, BoardAgentLoad, BoardFilter, BoardSnapshot } from './board.types.ts';

export interface BoardDeps extends CoreDeps {
  presence: PresenceTracker;
}

const withPresence = (loads: BoardAgentLoad[], presence: StaffPresence[]): BoardAgent[] => {
  const byUser = new Map(presence.map((entry) => [entry.userId, entry]));
  return loads.map((load) => {
    const entry = byUser.get(load.userId);
    return { ...load, status: entry?.status ?? 'offline', currentTicketId: entry?.currentTicketId ?? null };
  });
};

/**
 * The supervisor board's first load. The event id is read BEFORE the sections: everything committed up
 * to it is in them, and whatever commits while they are read is replayed after it by the client, so a
 * change can be seen twice (folding is idempotent) but never lost.
 */
export async function getBoardSnapshot(deps: BoardDeps, request: { teamIds: number[] | null }): Promise<BoardSnapshot> {
  const asOfEventId = await deps.db.events.latestId();
  const now = deps.clock.now();
  const timeZone = await deps.db.board.getTimeZone(request.teamIds);
  const filter: BoardFilter = { teamIds: request.teamIds, now, dayStart: dayStartIn(timeZone, now) };
  const [counts, queue, aboutToBreach, loads, stages, volume, presence] = await Promise.all([
    deps.db.board.getTileCounts(filter),
    deps.db.board.listQueue(filter, BOARD_QUEUE_LIMIT),
    deps.db.board.listAboutToBreach(filter, BOARD_BREACH_WINDOW_MS, BOARD_BREACH_LIMIT),
    deps.db.board.listAgentLoads(filter),
    effectiveSettings(deps.db).then((settings) => deps.db.board.countStages(filter, thresholdsMs(settings))),
    deps.db.board.countVolume(filter, addMilliseconds(now, -BOARD_VOLUME_HOURS * 3_600_000)),
    listPresence(deps),
  ]);
  const agents = withPresence(loads, presence);
  return {
    asOfEventId,
    generatedAt: now,
    teamIds: request.teamIds,
    timeZone,
    tiles: { ...counts, agentsOnline: agents.filter((agent) => agent.status === 'online').length },
    queue: queue.slice(0, BOARD_QUEUE_LIMIT),
    queueTruncated: queue.length > BOARD_QUEUE_LIMIT,
    aboutToBreach,
    agents,
    stages,
    volume,
  };
}
