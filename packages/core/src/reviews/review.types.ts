import type { ChannelKind } from '../channels/channel.types.ts';
import type { Instant } from '../shared/instant.ts';

/**
 * requested → rated (a score arrived) → completed (consent answered, or the comment window closed);
 * a request nobody answers expires.
 */
export const reviewStates = ['requested', 'rated', 'completed', 'expired'] as const;
export type ReviewState = (typeof reviewStates)[number];

export const testimonialStates = ['none', 'pending', 'approved', 'rejected'] as const;
export type TestimonialState = (typeof testimonialStates)[number];

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
/** A score at or below this opens a recovery task for a supervisor. */
export const RECOVERY_SCORE = 2;
/** A score at or above this is asked for consent to publish. */
export const TESTIMONIAL_SCORE = 4;

export interface Review {
  id: number;
  ticketId: number;
  customerId: number;
  channel: ChannelKind;
  state: ReviewState;
  /** Our message that carried the rating request (its channel id is what a WhatsApp answer's context names). */
  requestMessageId: number | null;
  /** Our message that asked for consent, when one was sent. */
  consentMessageId: number | null;
  score: number | null;
  comment: string | null;
  /** Null until the customer answered; only an explicit yes makes a testimonial possible. */
  consent: boolean | null;
  requestedBy: number | null;
  requestedAt: Instant;
  ratedAt: Instant | null;
  completedAt: Instant | null;
  testimonial: Testimonial;
}

/** A review with consent, on its way to the public library: approved by staff, names redacted. */
export interface Testimonial {
  state: TestimonialState;
  /** The text to publish (the comment with names, numbers and addresses redacted, then edited by staff). */
  text: string | null;
  /** How the customer is named in public ("Rina W."). */
  displayName: string | null;
  moderatedBy: number | null;
  moderatedAt: Instant | null;
}

/** A low score turned into work for a supervisor: call the customer back, make it right. */
export interface RecoveryTask {
  id: number;
  reviewId: number;
  ticketId: number;
  customerId: number;
  score: number;
  state: 'open' | 'done';
  assigneeId: number | null;
  note: string | null;
  createdAt: Instant;
  closedAt: Instant | null;
  closedBy: number | null;
}

/** The answer options our structured messages carry; ids are ours and come back in the channel's reply. */
export interface MessageChoice {
  id: string;
  title: string;
  description?: string;
}

/**
 * A structured question sent to the customer: the rating request or the consent question. Adapters send
 * it natively (WhatsApp list or reply buttons, Instagram quick replies, widget stars and buttons); the
 * text fallback (`body` of the message) lists the options for channels that show none.
 */
export interface MessageChoices {
  purpose: 'rating' | 'consent';
  reviewId: number;
  options: MessageChoice[];
  /** WhatsApp list button text ("Beri nilai"), ≤ 20 characters. */
  button?: string;
}

/** A customer's answer to one of our structured questions, as the adapters hand it to ingest. */
export interface ChoiceAnswer {
  /** The option id we sent (WhatsApp reply id, Instagram quick-reply payload, widget option), when the channel returned one. */
  choiceId: string | null;
  /** The channel id of our message the answer replies to (WhatsApp `context.id`), when given. */
  inReplyToExternalId: string | null;
}
