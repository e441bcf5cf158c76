import type { AgentEvent } from '@keluh/contracts';
import type { WorkflowSnapshotDto } from './core-types.ts';

/**
 * Applies one event to the open ticket's workflow; the same object back when nothing changes. A
 * `workflow.updated` carries the whole snapshot, so it replaces ours unless an HTTP answer already
 * brought a newer one (both race after our own change).
 */
export function applyEventToWorkflow(snapshot: WorkflowSnapshotDto, event: AgentEvent): WorkflowSnapshotDto {
  const ticketId = snapshot.workflow.ticketId;
  switch (event.type) {
    case 'workflow.updated': {
      const incoming = event.payload.workflow as WorkflowSnapshotDto;
      if (incoming.workflow.ticketId !== ticketId) return snapshot;
      return newer(incoming, snapshot) ? incoming : snapshot;
    }
    case 'promise.updated': {
      const promise = event.payload.promise;
      if (promise.ticketId !== ticketId) return snapshot;
      // The snapshot shows the newest promise: an update to an older one must not replace it.
      if (snapshot.promise && snapshot.promise.id > promise.id) return snapshot;
      return { ...snapshot, promise };
    }
    case 'review.updated': {
      const review = event.payload.review;
      if (review.ticketId !== ticketId) return snapshot;
      if (snapshot.review && snapshot.review.id > review.id) return snapshot;
      return { ...snapshot, review };
    }
    case 'workflow.stuck':
      // The nudge for this stage entry: highlight now rather than waiting for the bar's own clock.
      return event.payload.stuck.ticketId === ticketId && !snapshot.stuck ? { ...snapshot, stuck: true } : snapshot;
    default:
      return snapshot;
  }
}

/** An HTTP answer replaces the snapshot unless an event already brought a later one. */
export function newer(incoming: WorkflowSnapshotDto, current: WorkflowSnapshotDto | null): boolean {
  if (!current || current.workflow.ticketId !== incoming.workflow.ticketId) return true;
  return Date.parse(incoming.workflow.updatedAt) >= Date.parse(current.workflow.updatedAt);
}
