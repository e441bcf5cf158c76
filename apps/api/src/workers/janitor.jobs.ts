import { addMilliseconds, type CoreDeps, type JobHandler, type JobHandlers } from '@keluh/core';
import type { FastifyBaseLogger } from 'fastify';

/** A status that waited a day for its send never belonged to us (another app on the same account). */
export const PARKED_STATUS_TTL_MS = 24 * 60 * 60 * 1000;
/** Finished jobs are kept a week: long enough to see what happened, short enough not to pile up. */
export const FINISHED_JOB_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const HOURLY = 60 * 60 * 1000;

/** A sweep that runs every `everyMs` in exactly one process: a recurring job row, claimed like any other. */
function recurring(everyMs: number, sweep: () => Promise<number>, log: FastifyBaseLogger, what: string, deps: CoreDeps): JobHandler {
  return {
    async run() {
      const removed = await sweep();
      if (removed > 0) log.info({ removed }, what);
      return { kind: 'again', at: addMilliseconds(deps.clock.now(), everyMs) };
    },
  };
}

export function janitorHandlers(deps: CoreDeps, log: FastifyBaseLogger): JobHandlers {
  return {
    'janitor.parked_statuses': recurring(
      HOURLY,
      () => deps.db.parkedStatuses.purgeOlderThan(addMilliseconds(deps.clock.now(), -PARKED_STATUS_TTL_MS)),
      log,
      'unclaimed channel statuses discarded',
      deps,
    ),
    'janitor.jobs': recurring(HOURLY, () => deps.db.jobs.purgeFinishedBefore(addMilliseconds(deps.clock.now(), -FINISHED_JOB_TTL_MS)), log, 'finished jobs purged', deps),
  };
}

/** The recurring sweeps exist once, whichever process starts first (scheduling is idempotent). */
export async function scheduleJanitors(deps: CoreDeps): Promise<void> {
  const now = deps.clock.now();
  await deps.db.jobs.schedule({ kind: 'janitor.parked_statuses', key: 'recurring', runAt: addMilliseconds(now, HOURLY) }, now);
  await deps.db.jobs.schedule({ kind: 'janitor.jobs', key: 'recurring', runAt: addMilliseconds(now, HOURLY) }, now);
}
