import type { Repositories } from '../ports/repositories.ts';
import type { Review } from './review.types.ts';

/**
 * The resolution record of the review's ticket carries its rating (docs/workflow.md §Stage 3). Those
 * records and `resolutions.setRating` belong to the "cases" slice, built in parallel: the lead wires the
 * call here at merge. Called once per score, inside the transaction that records it.
 */
export async function recordRatingOnResolution(_tx: Repositories, _review: Review): Promise<void> {}
