import type { JobHandlers } from '../jobs/jobs.usecases.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { drainTeamBacklog, type PresenceStatuses } from './assignment.usecases.ts';

/**
 * `assignment.drain`: claimed like every job, so each scheduled drain runs once somewhere. Running one
 * twice (a lease that ran out mid-drain) is harmless: every assignment is a compare-and-set under the
 * team's hold, and a drain of an empty backlog assigns nothing.
 */
export function assignmentJobHandlers(deps: CoreDeps, presence: () => Promise<PresenceStatuses>): JobHandlers {
  return {
    'assignment.drain': {
      leaseMs: 60_000,
      async run(job) {
        const teamId = Number(job.payload.teamId);
        if (!Number.isSafeInteger(teamId)) return { kind: 'failed', error: `assignment drain ${job.id} without a team id` };
        await drainTeamBacklog(deps, teamId, await presence());
        return { kind: 'done' };
      },
    },
  };
}
