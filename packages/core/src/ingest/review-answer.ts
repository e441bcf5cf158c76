import type { InboundMessageEvent } from '../channels/channel.types.ts';
import type { Identity } from '../customers/customer.types.ts';
import { previewOf } from '../messages/message.rules.ts';
import { answerOf } from '../reviews/choice-answer.rules.ts';
import { parseChoiceId, type ParsedChoice } from '../reviews/review-choices.rules.ts';
import { recordComment, recordConsent, recordScore } from '../reviews/review-steps.ts';
import { TESTIMONIAL_SCORE, type Review } from '../reviews/review.types.ts';
import { parseTypedConsent, parseTypedScore } from '../reviews/typed-answer.rules.ts';
import type { IngestResult } from './inbound-message.handler.ts';
import type { TxContext } from './tx-context.ts';

type Step = { kind: 'score'; score: number } | { kind: 'consent'; consent: boolean } | { kind: 'comment'; comment: string };

/**
 * Stage 5 answers in ingest. When the customer's message answers one of their reviews, it is stored on
 * that review's ticket — even a resolved one, which it does not reopen: a rating is not a new complaint
 * — and the review moves on. Returns null for every other message, which ingest threads as usual.
 *
 * The review is found by the option id we sent, else by the message the reply quotes (WhatsApp
 * `context.id`: the right review when a customer has several open), else — for a typed answer — the
 * customer's newest open review. An option id we could not have sent (`rate:12:7`) and another
 * customer's review id change nothing: the message is stored as a plain one.
 */
export async function ingestReviewAnswer(ctx: TxContext, event: InboundMessageEvent, identity: Identity): Promise<IngestResult | null> {
  // Echoes are ours, and media are never an answer: both go the usual way.
  if (event.author === 'business_app' || (event.attachments?.length ?? 0) > 0) return null;
  const target = await answeredReview(ctx, event, identity.customerId);
  if (!target) return null;
  const { tx, emit, now } = ctx;
  const message = await tx.messages.insertIfAbsent(
    {
      ticketId: target.review.ticketId,
      direction: 'in',
      authorKind: 'customer',
      channel: event.channel,
      identityId: identity.id,
      externalId: event.externalMessageId,
      body: event.body,
      status: 'received',
      sentAt: event.sentAt,
      replyToExternalId: event.replyToExternalId ?? null,
      context: event.context ?? null,
    },
    now,
  );
  // A concurrent delivery of the same answer stored it first and moved the review: this one counts for nothing.
  if (!message) return null;
  if (!identity.lastInboundAt || event.sentAt > identity.lastInboundAt) await tx.identities.touchInbound(identity.id, event.sentAt);
  await tx.tickets.recordInbound(target.review.ticketId, { at: now, channel: event.channel, preview: previewOf(event.body), reopen: [] }, now);
  const view = await tx.tickets.findView(target.review.ticketId);
  if (!view) throw new Error(`Review ${target.review.id} points at missing ticket ${target.review.ticketId}`);
  emit({ type: 'message.created', ticketId: view.id, customerId: identity.customerId, payload: { message, ticket: view } });
  await apply(ctx, target.review, target.step);
  return { message, ticket: view, duplicate: false, ticketCreated: false };
}

async function apply(ctx: TxContext, review: Review, step: Step): Promise<void> {
  // Each step is a compare-and-set: an answer for a state the review has left is kept as a message only.
  if (step.kind === 'score') await recordScore(ctx, review, step.score, { followUp: true, consentGiven: false });
  else if (step.kind === 'consent') await recordConsent(ctx, review, step.consent);
  else await recordComment(ctx, review, step.comment);
}

async function answeredReview({ tx }: TxContext, event: InboundMessageEvent, customerId: number): Promise<{ review: Review; step: Step } | null> {
  const answer = answerOf(event);
  if (answer.choiceId !== null) {
    const choice = parseChoiceId(answer.choiceId);
    if (!choice) return null;
    const review = await tx.reviews.findById(choice.reviewId);
    return review && review.customerId === customerId ? { review, step: choiceStep(choice) } : null;
  }
  const quoted = answer.inReplyToExternalId ? await tx.reviews.findByQuestionExternalId(event.channel, answer.inReplyToExternalId) : null;
  const review = quoted && quoted.customerId === customerId ? quoted : (await tx.reviews.listOpenForCustomer(customerId))[0];
  if (!review) return null;
  const step = typedStep(review, event.body);
  return step ? { review, step } : null;
}

const choiceStep = (choice: ParsedChoice): Step => (choice.kind === 'rate' ? { kind: 'score', score: choice.score } : { kind: 'consent', consent: choice.consent });

/** What a typed message means to the review it answers, given what that review waits for. */
function typedStep(review: Review, body: string): Step | null {
  const text = body.trim();
  if (!text) return null;
  if (review.state === 'requested') {
    const score = parseTypedScore(text);
    return score === null ? null : { kind: 'score', score };
  }
  if (review.state !== 'rated') return null;
  const consent = (review.score ?? 0) >= TESTIMONIAL_SCORE ? parseTypedConsent(text) : null;
  return consent === null ? { kind: 'comment', comment: text.slice(0, 2000) } : { kind: 'consent', consent };
}
