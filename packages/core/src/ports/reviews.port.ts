import type { TicketScope } from '../auth/ticket.policy.ts';
import type { Instant } from '../shared/instant.ts';
import type { RecoveryTask, Review, Testimonial, TestimonialState } from '../reviews/review.types.ts';
import type { ChannelKind } from '../channels/channel.types.ts';

/**
 * Guarantees: at most one open review (requested or rated) per ticket; answers change a review by a
 * compare-and-set on its state, so an answer delivered twice (a webhook retry) counts once.
 */
export interface ReviewRepository {
  /** Null when the ticket already has an open review. */
  createIfNoneOpen(input: { ticketId: number; customerId: number; channel: ChannelKind; requestedBy: number | null }, now: Instant): Promise<Review | null>;
  findById(id: number): Promise<Review | null>;
  latestForTicket(ticketId: number): Promise<Review | null>;
  /** The customer's open reviews, newest first (a typed answer goes to the newest). */
  listOpenForCustomer(customerId: number): Promise<Review[]>;
  /** The review whose rating or consent question was the message with this channel id. */
  findByQuestionExternalId(channel: ChannelKind, externalId: string): Promise<Review | null>;
  setRequestMessage(id: number, messageId: number): Promise<void>;
  setConsentMessage(id: number, messageId: number): Promise<void>;
  /** requested → rated with the score; null when the review was not awaiting a score. */
  rate(id: number, score: number, now: Instant): Promise<Review | null>;
  /** Sets the comment while the review is open (requested or rated); null otherwise. */
  comment(id: number, comment: string, now: Instant): Promise<Review | null>;
  /** rated → completed with the consent answer; the testimonial becomes pending when consent is given. */
  answerConsent(id: number, consent: boolean, testimonial: Pick<Testimonial, 'text' | 'displayName'> | null, now: Instant): Promise<Review | null>;
  complete(id: number, now: Instant): Promise<Review | null>;
  /**
   * Open reviews requested before `before`: unanswered ones expire, rated ones (consent or comment never
   * came) complete with their score. Returns how many changed.
   */
  expireRequestedBefore(before: Instant, now: Instant): Promise<number>;
  moderate(id: number, testimonial: Pick<Testimonial, 'state' | 'text' | 'displayName'>, by: number, now: Instant): Promise<Review | null>;
  /** `teamIds`: only reviews of tickets in those teams (a supervisor's); null or absent: every team. */
  listTestimonials(query: { states: TestimonialState[]; limit: number; before?: number | null; teamIds?: readonly number[] | null }): Promise<Review[]>;
}

export interface RecoveryTaskRepository {
  /** One task per review (unique): a second low-score answer for the same review opens none. */
  openIfAbsent(input: { reviewId: number; ticketId: number; customerId: number; score: number }, now: Instant): Promise<RecoveryTask | null>;
  findById(id: number): Promise<RecoveryTask | null>;
  /** `scope`: only the tasks of tickets a supervisor sees (auth/ticket.policy.ts). */
  list(query: { state?: RecoveryTask['state']; limit: number; scope?: TicketScope }): Promise<RecoveryTask[]>;
  assign(id: number, assigneeId: number | null): Promise<RecoveryTask | null>;
  close(id: number, note: string | null, by: number, now: Instant): Promise<RecoveryTask | null>;
}
