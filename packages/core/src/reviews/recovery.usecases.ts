import type { TicketScope } from '../auth/ticket.policy.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { RecoveryTask } from './review.types.ts';

export function listRecoveryTasks(deps: CoreDeps, query: { state?: RecoveryTask['state'] | undefined; limit?: number; scope?: TicketScope }): Promise<RecoveryTask[]> {
  return deps.db.recoveryTasks.list({ ...(query.state ? { state: query.state } : {}), limit: query.limit ?? 100, ...(query.scope ? { scope: query.scope } : {}) });
}

/** A supervisor made it right (called back, refunded): closed once, with what was done. */
export async function closeRecoveryTask(deps: CoreDeps, taskId: number, note: string, by: number): Promise<RecoveryTask> {
  return commit(deps, async (tx, emit) => {
    const task = await tx.recoveryTasks.findById(taskId);
    if (!task) throw new AppError('recovery.not_found', `Recovery task ${taskId} does not exist`);
    const closed = await tx.recoveryTasks.close(taskId, note, by, deps.clock.now());
    if (!closed) throw new AppError('recovery.closed', `Recovery task ${taskId} is already closed`, { taskId, state: task.state });
    emit({ type: 'recovery.updated', ticketId: closed.ticketId, customerId: null, payload: { task: closed } });
    return closed;
  });
}
