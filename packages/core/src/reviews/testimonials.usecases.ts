import { teamsInView } from '../auth/team-view.rules.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import type { User } from '../users/user.types.ts';
import { AppError } from '../shared/errors.ts';
import { toPublished, type PublishedTestimonial } from './testimonial-export.rules.ts';
import type { Review, TestimonialState } from './review.types.ts';

export type TestimonialFilter = Exclude<TestimonialState, 'none'> | 'all';

const statesFor = (filter: TestimonialFilter): TestimonialState[] => (filter === 'all' ? ['pending', 'approved', 'rejected'] : [filter]);

/** The most any export or public list returns at once. */
export const TESTIMONIAL_EXPORT_LIMIT = 1000;

/**
 * The moderation queue as the reader may see it: a supervisor moderates their teams' customers' words
 * only (teamsInView), an admin everyone's. What is approved is public anyway (publishedTestimonials).
 */
export function listTestimonials(deps: CoreDeps, reader: Pick<User, 'role' | 'teamIds'>, query: { state: TestimonialFilter; limit: number }): Promise<Review[]> {
  return deps.db.reviews.listTestimonials({ states: statesFor(query.state), limit: query.limit, teamIds: teamsInView(reader) });
}

export interface Moderation {
  state: 'approved' | 'rejected' | 'pending';
  text?: string | undefined;
  displayName?: string | undefined;
}

/** Staff approve, reject or edit; only a customer's explicit yes makes a review publishable. */
export async function moderateTestimonial(deps: CoreDeps, reviewId: number, moderation: Moderation, by: number): Promise<Review> {
  return commit(deps, async (tx, emit) => {
    const review = await tx.reviews.findById(reviewId);
    if (!review) throw new AppError('review.not_found', `Review ${reviewId} does not exist`);
    if (review.consent !== true || review.testimonial.state === 'none') throw new AppError('testimonial.no_consent', `The customer of review ${reviewId} did not consent to publishing it`, { reviewId });
    const text = moderation.text ?? review.testimonial.text;
    if (moderation.state === 'approved' && !text) {
      throw new AppError('validation.failed', 'A testimonial needs text before it is published', { issues: [{ path: 'text', message: 'Required to approve' }] });
    }
    const moderated = await tx.reviews.moderate(reviewId, { state: moderation.state, text, displayName: moderation.displayName ?? review.testimonial.displayName }, by, deps.clock.now());
    if (!moderated) throw new AppError('testimonial.no_consent', `Review ${reviewId} has no testimonial`, { reviewId });
    emit({ type: 'review.updated', ticketId: moderated.ticketId, customerId: moderated.customerId, payload: { review: moderated, change: 'moderated' } });
    return moderated;
  });
}

/** What is published: approved testimonials only, newest first, without anything that identifies. */
export async function publishedTestimonials(deps: CoreDeps, limit = TESTIMONIAL_EXPORT_LIMIT): Promise<PublishedTestimonial[]> {
  const approved = await deps.db.reviews.listTestimonials({ states: ['approved'], limit });
  return approved.map(toPublished).filter((row): row is PublishedTestimonial => row !== null);
}
