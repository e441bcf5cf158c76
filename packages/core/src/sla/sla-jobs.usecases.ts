import type { JobHandler, JobHandlers } from '../jobs/jobs.usecases.ts';
import type { Job } from '../jobs/job.types.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { escalate } from './sla-escalation.ts';
import { recomputeSla } from './sla-recompute.ts';
import { slaMetrics, type SlaMetric } from './sla.types.ts';

type Moment = 'warning' | 'breach';

/**
 * A clock's warning or breach. Under the ticket lock the job re-reads the clock: a run that stopped, moved
 * its due time (a pause, a new target) or is not due yet leaves it alone — the job of its new time will
 * come. Otherwise the compare-and-set on warned_at / breached_at decides, in the same commit as the event and
 * the escalation, so a late, rescheduled or doubly-claimed job fires once.
 */
function clockMoment(deps: CoreDeps, moment: Moment): JobHandler {
  return {
    async run(job: Job) {
      const ticketId = Number(job.payload.ticketId);
      const metric = job.payload.metric as SlaMetric;
      const startedAt = String(job.payload.startedAt);
      if (!Number.isSafeInteger(ticketId) || !slaMetrics.includes(metric)) return { kind: 'failed', error: `sla job ${job.id} without a ticket and metric` };
      await commit(deps, async (tx, emit) => {
        const now = deps.clock.now();
        const ticket = await tx.tickets.lock(ticketId);
        if (!ticket) return;
        const clock = (await tx.slaClocks.listForTicket(ticketId)).find((candidate) => candidate.metric === metric && candidate.startedAt === startedAt);
        const at = moment === 'warning' ? clock?.warnAt : clock?.dueAt;
        if (!clock || clock.stoppedAt !== null || !at || at > now) return;
        const marked = moment === 'warning' ? await tx.slaClocks.markWarned(ticketId, metric, startedAt, now) : await tx.slaClocks.markBreached(ticketId, metric, startedAt, now);
        if (!marked) return;
        if (moment === 'breach') {
          const policy = clock.policyId !== null ? await tx.slaPolicies.findById(clock.policyId) : null;
          await escalate(tx, emit, ticket, clock, policy?.escalation ?? [], now);
          // A raised priority re-targets the other clocks; the breached one stays breached.
          await recomputeSla(tx, ticketId, now, emit);
        }
        const clocks = await tx.slaClocks.listForTicket(ticketId);
        emit({ type: 'sla.updated', ticketId, customerId: ticket.customerId, payload: { ticketId, clocks, change: moment === 'warning' ? 'warning' : 'breached' } });
      });
      return { kind: 'done' };
    },
  };
}

export function slaJobHandlers(deps: CoreDeps): JobHandlers {
  return { 'sla.warning': clockMoment(deps, 'warning'), 'sla.breach': clockMoment(deps, 'breach') };
}
