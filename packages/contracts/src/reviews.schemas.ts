import { z } from 'zod';
import { reviewStates, testimonialStates } from '@keluh/core';
import { channelKindSchema, instantSchema } from './common.schemas.ts';

export const testimonialSchema = z.object({
  state: z.enum(testimonialStates),
  text: z.string().nullable(),
  displayName: z.string().nullable(),
  moderatedBy: z.number().int().nullable(),
  moderatedAt: instantSchema.nullable(),
});

export const reviewSchema = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  customerId: z.number().int(),
  channel: channelKindSchema,
  state: z.enum(reviewStates),
  requestMessageId: z.number().int().nullable(),
  consentMessageId: z.number().int().nullable(),
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
  consent: z.boolean().nullable(),
  requestedBy: z.number().int().nullable(),
  requestedAt: instantSchema,
  ratedAt: instantSchema.nullable(),
  completedAt: instantSchema.nullable(),
  testimonial: testimonialSchema,
});

/**
 * A structured question on a message (core's MessageChoices): sent natively where the channel can (WhatsApp
 * list / reply buttons, Instagram quick replies, widget stars and buttons). Option ids are ours and come
 * back with the answer; limits per channel are checked in core (choices.rules.ts).
 */
export const messageChoiceSchema = z.object({
  id: z.string().min(1).max(256),
  title: z.string().min(1),
  description: z.string().optional(),
});
export const messageChoicesSchema = z.object({
  purpose: z.enum(['rating', 'consent']),
  reviewId: z.number().int(),
  options: z.array(messageChoiceSchema).min(1),
  button: z.string().optional(),
});

export const recoveryTaskSchema = z.object({
  id: z.number().int(),
  reviewId: z.number().int(),
  ticketId: z.number().int(),
  customerId: z.number().int(),
  score: z.number().int(),
  state: z.enum(['open', 'done']),
  assigneeId: z.number().int().nullable(),
  note: z.string().nullable(),
  createdAt: instantSchema,
  closedAt: instantSchema.nullable(),
  closedBy: z.number().int().nullable(),
});

/**
 * A score, comment or consent typed by staff for the customer (told on the phone), or sent by the widget.
 * Scores outside 1–5 are refused with `review.invalid_score` (checked in core, so every path shares it).
 */
export const reviewAnswerBodySchema = z
  .object({
    score: z.number().int().optional(),
    comment: z.string().trim().min(1).max(2000).optional(),
    consent: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: 'Nothing to answer' });

export const moderateTestimonialBodySchema = z
  .object({
    state: z.enum(['approved', 'rejected', 'pending']),
    text: z.string().trim().min(1).max(2000).optional(),
    displayName: z.string().trim().min(1).max(80).optional(),
  })
  .strict();

export const testimonialsQuerySchema = z.object({
  state: z.enum(['pending', 'approved', 'rejected', 'all']).default('all'),
  limit: z.enum(['10', '25', '50', '100']).default('50').transform(Number),
});
export const testimonialExportQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });

/** One published testimonial, as /testimonials.js and the public JSON show it: nothing identifying. */
export const publicTestimonialSchema = z.object({
  id: z.number().int(),
  score: z.number().int(),
  text: z.string(),
  displayName: z.string(),
  channel: channelKindSchema,
  at: instantSchema,
});

export const recoveryTasksQuerySchema = z.object({ state: z.enum(['open', 'done']).optional() });
export const closeRecoveryTaskBodySchema = z.object({ note: z.string().trim().min(3).max(2000) }).strict();

/** What the widget shows of a review: the request to answer, or what was answered. */
export const visitorReviewSchema = reviewSchema.pick({ id: true, ticketId: true, state: true, score: true, comment: true, consent: true });

/**
 * The widget's answer to its rating card (stars, an optional comment, and consent, in one go) or to the
 * consent question asked after a good score (consent alone, the score already given).
 */
export const visitorReviewAnswerSchema = z
  .object({
    reviewId: z.number().int().positive(),
    score: z.number().int().optional(),
    comment: z.string().trim().max(2000).optional(),
    consent: z.boolean().optional(),
  })
  .strict()
  .refine((answer) => answer.score !== undefined || answer.consent !== undefined, { error: 'Give a score, a consent, or both' });

export type ReviewDto = z.infer<typeof reviewSchema>;
export type MessageChoicesDto = z.infer<typeof messageChoicesSchema>;
export type RecoveryTaskDto = z.infer<typeof recoveryTaskSchema>;
export type ReviewAnswerBody = z.infer<typeof reviewAnswerBodySchema>;
export type ModerateTestimonialBody = z.infer<typeof moderateTestimonialBodySchema>;
export type PublicTestimonialDto = z.infer<typeof publicTestimonialSchema>;
export type VisitorReviewDto = z.infer<typeof visitorReviewSchema>;
export type VisitorReviewAnswer = z.infer<typeof visitorReviewAnswerSchema>;
