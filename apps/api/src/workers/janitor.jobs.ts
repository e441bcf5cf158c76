import { addMilliseconds, expireReviews, purgeAuthLeftovers, type AuthDeps, type CoreDeps, type JobHandler, type JobHandlers, type JobKind } from '@keluh/core';
import type { FastifyBaseLogger } from 'fastify';

/** A status that waited a day for its send never belonged to us (another app on the same account). */
export const PARKED_STATUS_TTL_MS = 24 * 60 * 60 * 1000;
/** Finished jobs are kept a week: long enough to see what happened, short enough not to pile up. */
export const FINISHED_JOB_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const HOURLY = 60 * 60 * 1000;
const QUARTER_HOURLY = 15 * 60 * 1000;

/**
 * A sweep that runs every `everyMs` in exactly one process: a recurring job row, claimed like any other.
 * The sweeps are idempotent deletes by time, so a sweep repeated after a crash does no harm.
 */
function recurring(deps: CoreDeps, everyMs: number, sweep: () => Promise<number>, log: FastifyBaseLogger, what: string): JobHandler {
  return {
    async run() {
      const removed = await sweep();
      if (removed > 0) log.info({ removed }, what);
      return { kind: 'again', at: addMilliseconds(deps.clock.now(), everyMs) };
    },
  };
}

const schedule: Partial<Record<JobKind, number>> = {
  'janitor.parked_statuses': HOURLY,
  'janitor.jobs': HOURLY,
  'janitor.sessions': QUARTER_HOURLY,
  'janitor.reviews': HOURLY,
};

export function janitorHandlers(deps: CoreDeps, auth: AuthDeps, log: FastifyBaseLogger): JobHandlers {
  const purgeParked = () => deps.db.parkedStatuses.purgeOlderThan(addMilliseconds(deps.clock.now(), -PARKED_STATUS_TTL_MS));
  const purgeJobs = () => deps.db.jobs.purgeFinishedBefore(addMilliseconds(deps.clock.now(), -FINISHED_JOB_TTL_MS));
  const purgeAuth = async () => {
    const removed = await purgeAuthLeftovers(auth);
    return removed.sessions + removed.loginFailures;
  };
  return {
    'janitor.parked_statuses': recurring(deps, HOURLY, purgeParked, log, 'unclaimed channel statuses discarded'),
    'janitor.jobs': recurring(deps, HOURLY, purgeJobs, log, 'finished jobs purged'),
    'janitor.sessions': recurring(deps, QUARTER_HOURLY, purgeAuth, log, 'expired sessions and old sign-in failures removed'),
    'janitor.reviews': recurring(deps, HOURLY, () => expireReviews(deps), log, 'review requests unanswered for a week expired'),
  };
}

/** The recurring sweeps exist once, whichever process starts first (scheduling is idempotent). */
export async function scheduleJanitors(deps: CoreDeps): Promise<void> {
  const now = deps.clock.now();
  for (const [kind, everyMs] of Object.entries(schedule) as [JobKind, number][]) {
    await deps.db.jobs.schedule({ kind, key: 'recurring', runAt: addMilliseconds(now, everyMs) }, now);
  }
}
