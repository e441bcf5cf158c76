import { addMilliseconds, foldRollups, type CoreDeps, type JobHandlers } from '@keluh/core';
import type { FastifyBaseLogger } from 'fastify';

export const ROLLUP_EVERY_MS = 30_000;
/** One run folds at most this many pages, so a long backlog after an upgrade never holds a lease for minutes. */
const MAX_PAGES_PER_RUN = 50;

/**
 * `reports.rollup`: one recurring job row, claimed like every job. Two runs overlapping after a lease ran
 * out still fold each event once: every page locks the fold cursor and moves it in the same transaction.
 */
export function reportsRollupHandlers(deps: CoreDeps, log: FastifyBaseLogger): JobHandlers {
  return {
    'reports.rollup': {
      async run() {
        const folded = await foldRollups(deps, { maxPages: MAX_PAGES_PER_RUN });
        if (folded > 0) log.debug({ folded }, 'events folded into the report rollups');
        return { kind: 'again', at: addMilliseconds(deps.clock.now(), ROLLUP_EVERY_MS) };
      },
    },
  };
}

export async function scheduleReportsRollup(deps: CoreDeps): Promise<void> {
  const now = deps.clock.now();
  await deps.db.jobs.schedule({ kind: 'reports.rollup', key: 'recurring', runAt: addMilliseconds(now, ROLLUP_EVERY_MS) }, now);
}
