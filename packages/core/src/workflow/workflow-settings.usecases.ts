import { recordAudit } from '../audit/audit.rules.ts';
import type { CoreDeps } from '../shared/deps.ts';
import type { TicketScope } from '../auth/ticket.policy.ts';
import { commit } from '../shared/deps.ts';
import { thresholdsMs } from './stage-machine.rules.ts';
import { effectiveSettings } from './workflow-snapshot.ts';
import type { StuckTicket, WorkflowSettings } from './workflow.types.ts';

const STUCK_LIST_LIMIT = 200;

export function getWorkflowSettings(deps: CoreDeps): Promise<WorkflowSettings> {
  return effectiveSettings(deps.db);
}

/** Audited as a settings change in the same transaction; `actorUserId` is the admin (null for the system). */
export function saveWorkflowSettings(deps: CoreDeps, settings: WorkflowSettings, actorUserId: number | null = null): Promise<WorkflowSettings> {
  const now = deps.clock.now();
  return commit(deps, async (tx) => {
    const saved = await tx.workflowSettings.save(settings, now);
    await recordAudit(tx, { action: 'settings.changed', actorUserId, target: 'settings:workflow', data: { settings } }, now);
    return saved;
  });
}

/** For supervisors: every ticket past its stage's threshold, nudged or not, longest waiting first. */
export async function listStuckTickets(deps: CoreDeps, scope?: TicketScope): Promise<StuckTicket[]> {
  return deps.db.workflows.listStuck(thresholdsMs(await effectiveSettings(deps.db)), deps.clock.now(), STUCK_LIST_LIMIT, scope);
}

/**
 * One pass of the stuck scan: claims the entries past their threshold (each once, whichever process
 * scans) and announces each with `workflow.stuck` in the same transaction as the claim, so a crash
 * between the two can neither lose nor repeat a nudge. Returns how many were nudged.
 */
export async function nudgeStuckTickets(deps: CoreDeps, batch = 100): Promise<number> {
  return commit(deps, async (tx, emit) => {
    const stuck = await tx.workflows.claimStuck(thresholdsMs(await effectiveSettings(tx)), deps.clock.now(), batch);
    for (const entry of stuck) emit({ type: 'workflow.stuck', ticketId: entry.ticketId, customerId: null, payload: { stuck: entry } });
    return stuck.length;
  });
}
