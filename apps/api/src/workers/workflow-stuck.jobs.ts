import { addMilliseconds, nudgeStuckTickets, type CoreDeps, type JobHandlers } from '@keluh/core';
import type { FastifyBaseLogger } from 'fastify';

export const STUCK_SCAN_EVERY_MS = 60_000;

/**
 * `workflow.stuck_scan`: a recurring job row (one, whichever process scheduled it first), claimed like
 * every job. Even two scans overlapping after a lease ran out nudge each stage entry once: the claim in
 * `workflows.claimStuck` is atomic, and the `workflow.stuck` events commit with it.
 */
export function workflowStuckHandlers(deps: CoreDeps, log: FastifyBaseLogger): JobHandlers {
  return {
    'workflow.stuck_scan': {
      async run() {
        const nudged = await nudgeStuckTickets(deps);
        if (nudged > 0) log.info({ nudged }, 'assignees nudged about tickets stuck in a stage');
        return { kind: 'again', at: addMilliseconds(deps.clock.now(), STUCK_SCAN_EVERY_MS) };
      },
    },
  };
}

export async function scheduleStuckScan(deps: CoreDeps): Promise<void> {
  const now = deps.clock.now();
  await deps.db.jobs.schedule({ kind: 'workflow.stuck_scan', key: 'recurring', runAt: addMilliseconds(now, STUCK_SCAN_EVERY_MS) }, now);
}
