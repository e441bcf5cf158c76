import type { Repositories } from '../ports/repositories.ts';
import type { TicketPromise } from '../promises/promise.types.ts';
import type { Review } from '../reviews/review.types.ts';

export interface WorkflowSidecars {
  promise: TicketPromise | null;
  review: Review | null;
}

/**
 * The newest promise and review of the ticket, for the snapshot and stage 4–5's criteria. They come from
 * `promises.latestForTicket` / `reviews.latestForTicket`, built by the cases and reviews slices in
 * parallel; the lead wires them here at merge. Until then the snapshot shows none.
 */
export async function readWorkflowSidecars(_tx: Repositories, _ticketId: number): Promise<WorkflowSidecars> {
  return { promise: null, review: null };
}
