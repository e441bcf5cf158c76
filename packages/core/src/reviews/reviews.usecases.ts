import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import { addMilliseconds } from '../shared/instant.ts';
import { replyWindow } from '../tickets/reply.rules.ts';
import { ratingChoices, ratingRequestText } from './review-choices.rules.ts';
import { queueReviewMessage } from './review-outbound.ts';
import { recordComment, recordConsent, recordScore, type StepContext } from './review-steps.ts';
import { assertScore } from './typed-answer.rules.ts';
import { TESTIMONIAL_SCORE, type Review } from './review.types.ts';

/** A request nobody answers in a week is not coming back; it frees the ticket for a new one. */
export const REVIEW_REQUEST_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Creates the review and queues its rating question (five options, in the customer's language) through
 * the outbox, in one transaction: either both exist or neither does.
 */
export async function requestReview(deps: CoreDeps, input: { ticketId: number; requestedBy: number | null }): Promise<Review> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const ticket = await tx.tickets.lock(input.ticketId);
    if (!ticket) throw new AppError('ticket.not_found', `Ticket ${input.ticketId} does not exist`);
    // Interactive messages are free-form: outside the channel's window the channel would refuse them.
    const window = await replyWindow(tx, ticket, now);
    if (window.state === 'closed') throw new AppError('channel.window_closed', `The ${window.channel} messaging window has closed: the customer must write first`, { channel: window.channel });
    const review = await tx.reviews.createIfNoneOpen({ ticketId: ticket.id, customerId: ticket.customerId, channel: ticket.lastChannel, requestedBy: input.requestedBy }, now);
    if (!review) throw new AppError('review.open_exists', `Ticket ${ticket.id} already has a review waiting for its answer`, { ticketId: ticket.id });
    const customer = await tx.customers.findById(ticket.customerId);
    const language = customer?.language ?? 'id';
    const ctx = { tx, emit, now };
    const message = await queueReviewMessage(ctx, { ticketId: ticket.id, body: ratingRequestText(language, customer?.name ?? null), choices: ratingChoices(review.id, language), authorUserId: input.requestedBy });
    await tx.reviews.setRequestMessage(review.id, message.id);
    const requested = { ...review, requestMessageId: message.id };
    emit({ type: 'review.updated', ticketId: ticket.id, customerId: ticket.customerId, payload: { review: requested, change: 'requested' } });
    return requested;
  });
}

export interface ReviewAnswer {
  score?: number | undefined;
  comment?: string | undefined;
  consent?: boolean | undefined;
}

/**
 * Applies a score, a comment and a consent in that order (the comment becomes the testimonial's text).
 * Anything the review is not waiting for is refused before anything is stored.
 */
async function applyAnswer(ctx: StepContext, review: Review, answer: ReviewAnswer, followUp: boolean): Promise<Review> {
  let current = review;
  if (answer.score !== undefined) {
    assertScore(answer.score);
    if (current.state !== 'requested') throw notRequested(current, 'a score');
    current = (await recordScore(ctx, current, answer.score, { followUp, consentGiven: answer.consent !== undefined })) ?? throwNotRequested(current, 'a score');
  }
  if (answer.comment !== undefined) {
    if (current.state !== 'requested' && current.state !== 'rated') throw notRequested(current, 'a comment');
    current = (await recordComment(ctx, current, answer.comment)) ?? throwNotRequested(current, 'a comment');
  }
  if (answer.consent !== undefined) {
    if (current.state !== 'rated' || (current.score ?? 0) < TESTIMONIAL_SCORE) throw notRequested(current, 'consent');
    current = (await recordConsent(ctx, current, answer.consent)) ?? throwNotRequested(current, 'consent');
  }
  return current;
}

/** Staff enter what the customer told them (on the phone): nothing is sent to the customer. */
export async function answerReview(deps: CoreDeps, reviewId: number, answer: ReviewAnswer): Promise<Review> {
  return commit(deps, async (tx, emit) => {
    const review = await tx.reviews.findById(reviewId);
    if (!review) throw new AppError('review.not_found', `Review ${reviewId} does not exist`);
    return applyAnswer({ tx, emit, now: deps.clock.now() }, review, answer, false);
  });
}

/** The widget's rating card: only the visitor's own review; a low score still gets its apology. */
export async function answerReviewAsVisitor(deps: CoreDeps, customerId: number | null, reviewId: number, answer: ReviewAnswer): Promise<Review> {
  return commit(deps, async (tx, emit) => {
    const review = await tx.reviews.findById(reviewId);
    // Someone else's review is answered exactly like a missing one: nothing to learn by probing ids.
    if (!review || customerId === null || review.customerId !== customerId) throw new AppError('review.not_found', `Review ${reviewId} does not exist`);
    return applyAnswer({ tx, emit, now: deps.clock.now() }, review, answer, true);
  });
}

/** The janitor's sweep: requests older than a week expire (rated ones close with their score). */
export function expireReviews(deps: CoreDeps): Promise<number> {
  const now = deps.clock.now();
  return deps.db.reviews.expireRequestedBefore(addMilliseconds(now, -REVIEW_REQUEST_TTL_MS), now);
}

function notRequested(review: Review, what: string): AppError {
  return new AppError('review.not_requested', `Review ${review.id} is ${review.state}: it is not waiting for ${what}`, { reviewId: review.id, state: review.state });
}

/** A compare-and-set that matched nothing: another answer got there first, inside this same moment. */
function throwNotRequested(review: Review, what: string): never {
  throw notRequested(review, what);
}
