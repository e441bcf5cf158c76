import type { ChannelKind, Instant, Review, ReviewState, TestimonialState } from '@keluh/core';

/** A reviews row as both engines read it (the drizzle tables of schema/ and postgres/schema/ agree). */
export interface ReviewRow {
  id: number;
  ticketId: number;
  customerId: number;
  channel: ChannelKind;
  state: ReviewState;
  requestMessageId: number | null;
  consentMessageId: number | null;
  score: number | null;
  comment: string | null;
  consent: boolean | null;
  requestedBy: number | null;
  requestedAt: Instant;
  ratedAt: Instant | null;
  completedAt: Instant | null;
  testimonialState: TestimonialState;
  testimonialText: string | null;
  testimonialDisplayName: string | null;
  moderatedBy: number | null;
  moderatedAt: Instant | null;
  updatedAt: Instant;
}

/** The testimonial lives in columns of the review (one row per answer); the domain nests it. */
export function toReview(row: ReviewRow): Review {
  const { testimonialState, testimonialText, testimonialDisplayName, moderatedBy, moderatedAt, updatedAt: _updatedAt, ...review } = row;
  return { ...review, testimonial: { state: testimonialState, text: testimonialText, displayName: testimonialDisplayName, moderatedBy, moderatedAt } };
}

/** States in which a review still waits for the customer (the partial unique index's condition). */
export const OPEN_REVIEW_STATES = ['requested', 'rated'] as const satisfies readonly ReviewState[];
