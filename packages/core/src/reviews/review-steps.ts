import type { Repositories } from '../ports/repositories.ts';
import type { Emit } from '../shared/deps.ts';
import type { Instant } from '../shared/instant.ts';
import { recordRatingOnResolution } from './rating-sidecar.ts';
import { afterScoreText, consentChoices, consentQuestionText } from './review-choices.rules.ts';
import { queueReviewMessage } from './review-outbound.ts';
import { publicDisplayName, redactTestimonial } from './testimonial.rules.ts';
import { RECOVERY_SCORE, TESTIMONIAL_SCORE, type Review } from './review.types.ts';

/*
 * What an answer does to a review, shared by every way one arrives (a channel reply, the widget, staff
 * typing what the customer said on the phone). Each step is a compare-and-set in the repository: when it
 * matches nothing the answer was counted already (a redelivery, a second tap) and nothing else happens.
 */

export interface StepContext {
  tx: Repositories;
  emit: Emit;
  now: Instant;
}

export interface ScoreOptions {
  /** Ask for consent or say thanks in the conversation (channel answers); staff answers send nothing. */
  followUp: boolean;
  /** The consent arrives with the score (the widget's card): no question to send. */
  consentGiven: boolean;
}

const announce = (ctx: StepContext, review: Review, change: 'rated' | 'commented' | 'consent' | 'completed') =>
  ctx.emit({ type: 'review.updated', ticketId: review.ticketId, customerId: review.customerId, payload: { review, change } });

/** Null when the review was no longer waiting for a score. */
export async function recordScore(ctx: StepContext, review: Review, score: number, options: ScoreOptions): Promise<Review | null> {
  const rated = await ctx.tx.reviews.rate(review.id, score, ctx.now);
  if (!rated) return null;
  announce(ctx, rated, 'rated');
  await recordRatingOnResolution(ctx.tx, rated);
  if (score <= RECOVERY_SCORE) {
    const task = await ctx.tx.recoveryTasks.openIfAbsent({ reviewId: rated.id, ticketId: rated.ticketId, customerId: rated.customerId, score }, ctx.now);
    if (task) ctx.emit({ type: 'recovery.updated', ticketId: task.ticketId, customerId: null, payload: { task } });
  }
  if (!options.followUp) return rated;
  const language = (await ctx.tx.customers.findById(rated.customerId))?.language ?? 'id';
  if (score >= TESTIMONIAL_SCORE) {
    if (options.consentGiven) return rated;
    const question = await queueReviewMessage(ctx, { ticketId: rated.ticketId, body: consentQuestionText(language, score), choices: consentChoices(rated.id, language), authorUserId: rated.requestedBy });
    await ctx.tx.reviews.setConsentMessage(rated.id, question.id);
    return { ...rated, consentMessageId: question.id };
  }
  await queueReviewMessage(ctx, { ticketId: rated.ticketId, body: afterScoreText(language, score), choices: null, authorUserId: rated.requestedBy });
  return rated;
}

/**
 * The comment while the review is open. A low score asks for no consent, so its comment is the last
 * thing awaited and completes the review; a good one stays rated until the consent answer.
 */
export async function recordComment(ctx: StepContext, review: Review, comment: string): Promise<Review | null> {
  const commented = await ctx.tx.reviews.comment(review.id, comment, ctx.now);
  if (!commented) return null;
  if (commented.state === 'rated' && (commented.score ?? 0) < TESTIMONIAL_SCORE) {
    const completed = await ctx.tx.reviews.complete(commented.id, ctx.now);
    if (completed) {
      announce(ctx, completed, 'completed');
      return completed;
    }
  }
  announce(ctx, commented, 'commented');
  return commented;
}

/** Consent yes: the testimonial becomes pending with the comment redacted and a public name ("Rina W."). */
export async function recordConsent(ctx: StepContext, review: Review, consent: boolean): Promise<Review | null> {
  const testimonial = consent ? await testimonialDraft(ctx.tx, review) : null;
  const answered = await ctx.tx.reviews.answerConsent(review.id, consent, testimonial, ctx.now);
  if (answered) announce(ctx, answered, 'consent');
  return answered;
}

async function testimonialDraft(tx: Repositories, review: Review): Promise<{ text: string | null; displayName: string | null }> {
  // Sequential: the transaction's one PostgreSQL client runs one query at a time.
  const customer = await tx.customers.findById(review.customerId);
  const identities = await tx.identities.listForCustomer(review.customerId);
  const names = [customer?.name, ...identities.map((identity) => identity.displayName)].filter((name): name is string => Boolean(name));
  const phones = [customer?.phone, ...identities.filter((identity) => identity.channel === 'whatsapp').map((identity) => identity.externalId)].filter((phone): phone is string => Boolean(phone));
  const text = review.comment ? redactTestimonial(review.comment, { customerNames: names, phones, emails: customer?.email ? [customer.email] : [], orderNumbers: [] }) : null;
  return { text, displayName: publicDisplayName(customer?.name) };
}
