import type { Repositories } from '../ports/repositories.ts';
import type { Review } from './review.types.ts';

/**
 * The resolution record of the review's ticket carries its rating (docs/workflow.md §Stage 3), so similar
 * cases show how they were rated. Called once per score, inside the transaction that records it; a ticket
 * never resolved has no record yet, and the record saved at resolution picks the rating up then.
 */
export async function recordRatingOnResolution(tx: Pick<Repositories, 'resolutions'>, review: Review): Promise<void> {
  if (review.score !== null) await tx.resolutions.setRating(review.ticketId, review.score);
}
