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

/**
 * Whether `event` changes what core's evaluation reads although no `workflow.updated` follows it: a reply
 * sent on the ticket (stage 1's `agent_reply_sent`), a promise made or settled, a review requested or
 * answered. The snapshot's `evaluation` is then stale, and the stage bar would ask for an override that
 * is not needed; the store reads the snapshot again (a GET, which stores nothing).
 */
export function staleEvaluation(snapshot: WorkflowSnapshotDto, event: AgentEvent): boolean {
  const ticketId = snapshot.workflow.ticketId;
  switch (event.type) {
    case 'message.created':
      return event.payload.ticket.id === ticketId && event.payload.message.direction === 'out' && snapshot.evaluation.missing.includes('agent_reply_sent');
    case 'promise.updated':
      return event.payload.promise.ticketId === ticketId;
    case 'review.updated':
      return event.payload.review.ticketId === ticketId;
    default:
      return false;
  }
}

/** The agent's own reply on this ticket while stage 1 still waits for one: it completes the stage. */
export function ownReplyCompletes(snapshot: WorkflowSnapshotDto, event: AgentEvent, userId: number | null): boolean {
  return (
    userId !== null &&
    event.type === 'message.created' &&
    event.payload.ticket.id === snapshot.workflow.ticketId &&
    event.payload.message.direction === 'out' &&
    event.payload.message.authorUserId === userId &&
    snapshot.evaluation.missing.includes('agent_reply_sent')
  );
}

/** An HTTP answer replaces the snapshot unless an event already brought a later one. */
export function newer(incoming: WorkflowSnapshotDto, current: WorkflowSnapshotDto | null): boolean {
  if (!current || current.workflow.ticketId !== incoming.workflow.ticketId) return true;
  return Date.parse(incoming.workflow.updatedAt) >= Date.parse(current.workflow.updatedAt);
}
