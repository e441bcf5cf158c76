import type { Repositories } from '../ports/repositories.ts';
import type { TicketPromise } from '../promises/promise.types.ts';
import type { Review } from '../reviews/review.types.ts';

export interface WorkflowSidecars {
  promise: TicketPromise | null;
  review: Review | null;
}

/**
 * The newest promise and review of the ticket, for the snapshot and stage 4–5's criteria. Read through
 * the caller's `tx` so a transition judges the promise and review as they stand in its own commit.
 */
export async function readWorkflowSidecars(tx: Pick<Repositories, 'promises' | 'reviews'>, ticketId: number): Promise<WorkflowSidecars> {
  // One after the other: inside a PostgreSQL transaction both would queue on the one client anyway.
  const promise = await tx.promises.latestForTicket(ticketId);
  const review = await tx.reviews.latestForTicket(ticketId);
  return { promise, review };
}
