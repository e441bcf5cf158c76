import type { JobHandler, JobHandlers } from '../jobs/jobs.usecases.ts';
import type { Job } from '../jobs/job.types.ts';
import type { PromiseRepository } from '../ports/cases.port.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { emitPromise } from './promises.usecases.ts';

type Mark = keyof Pick<PromiseRepository, 'markReminded' | 'markOverdue'>;

/**
 * Tells the owner once: the compare-and-set and the event commit together, so of two processes running
 * the job (a lease that ran out mid-run), only the one whose mark changed the row emits.
 */
function notifyOnce(deps: CoreDeps, mark: Mark, change: 'reminder' | 'overdue'): JobHandler {
  return {
    async run(job: Job) {
      const promiseId = Number(job.payload.promiseId);
      if (!Number.isSafeInteger(promiseId)) return { kind: 'failed', error: `promise job ${job.id} without a promise id` };
      await commit(deps, async (tx, emit) => {
        if (!(await tx.promises[mark](promiseId, deps.clock.now()))) return;
        const promise = await tx.promises.findById(promiseId);
        const ticket = promise ? await tx.tickets.findById(promise.ticketId) : null;
        if (promise && ticket) emitPromise(emit, promise, ticket.customerId, change);
      });
      return { kind: 'done' };
    },
  };
}

export function promiseJobHandlers(deps: CoreDeps): JobHandlers {
  return {
    'promise.reminder': notifyOnce(deps, 'markReminded', 'reminder'),
    'promise.overdue': notifyOnce(deps, 'markOverdue', 'overdue'),
  };
}
