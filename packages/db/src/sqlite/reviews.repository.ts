import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { ReviewRepository } from '@keluh/core';
import { messages, reviews, tickets } from '../schema/index.ts';
import { OPEN_REVIEW_STATES, toReview } from '../shared/review-row.ts';
import type { SqliteDb } from './sqlite-db.ts';

/*
 * Every answer is an UPDATE … WHERE state = <the state it answers>: the compare-and-set that makes a
 * redelivered webhook, a second tap or two processes racing count once (only one statement matches).
 */
export function createReviewRepository(db: SqliteDb): ReviewRepository {
  const one = (row: typeof reviews.$inferSelect | undefined) => (row ? toReview(row) : null);
  const isOpen = inArray(reviews.state, OPEN_REVIEW_STATES);
  const change = (id: number, guard: ReturnType<typeof eq> | undefined, values: Partial<typeof reviews.$inferInsert>) =>
    one(db.update(reviews).set(values).where(and(eq(reviews.id, id), guard)).returning().get());

  return {
    async createIfNoneOpen(input, now) {
      // No conflict target: the only unique key a new review can hit is "one open review per ticket".
      const row = db.insert(reviews).values({ ...input, requestedAt: now, updatedAt: now }).onConflictDoNothing().returning().get();
      return one(row);
    },
    async findById(id) {
      return one(db.select().from(reviews).where(eq(reviews.id, id)).get());
    },
    async latestForTicket(ticketId) {
      return one(db.select().from(reviews).where(eq(reviews.ticketId, ticketId)).orderBy(desc(reviews.id)).limit(1).get());
    },
    async listOpenForCustomer(customerId) {
      return db.select().from(reviews).where(and(eq(reviews.customerId, customerId), isOpen)).orderBy(desc(reviews.id)).all().map(toReview);
    },
    async findByQuestionExternalId(channel, externalId) {
      const question = db
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.channel, channel), eq(messages.externalId, externalId)));
      return one(db.select().from(reviews).where(or(eq(reviews.requestMessageId, sql`(${question})`), eq(reviews.consentMessageId, sql`(${question})`))).limit(1).get());
    },
    async setRequestMessage(id, messageId) {
      db.update(reviews).set({ requestMessageId: messageId }).where(eq(reviews.id, id)).run();
    },
    async setConsentMessage(id, messageId) {
      db.update(reviews).set({ consentMessageId: messageId }).where(eq(reviews.id, id)).run();
    },
    async rate(id, score, now) {
      return change(id, eq(reviews.state, 'requested'), { state: 'rated', score, ratedAt: now, updatedAt: now });
    },
    async comment(id, comment, now) {
      return change(id, isOpen, { comment, updatedAt: now });
    },
    async answerConsent(id, consent, testimonial, now) {
      return change(id, eq(reviews.state, 'rated'), {
        state: 'completed',
        consent,
        completedAt: now,
        updatedAt: now,
        ...(testimonial ? { testimonialState: 'pending', testimonialText: testimonial.text, testimonialDisplayName: testimonial.displayName } : {}),
      });
    },
    async complete(id, now) {
      return change(id, isOpen, { state: 'completed', completedAt: now, updatedAt: now });
    },
    async expireRequestedBefore(before, now) {
      // Unanswered requests expire; rated ones keep their score and close (their consent never came).
      const expired = db.update(reviews).set({ state: 'expired', completedAt: now, updatedAt: now }).where(and(eq(reviews.state, 'requested'), lt(reviews.requestedAt, before))).run();
      const closed = db.update(reviews).set({ state: 'completed', completedAt: now, updatedAt: now }).where(and(eq(reviews.state, 'rated'), lt(reviews.requestedAt, before))).run();
      return expired.changes + closed.changes;
    },
    async moderate(id, testimonial, by, now) {
      return change(id, sql`${reviews.testimonialState} <> 'none'`, {
        testimonialState: testimonial.state,
        testimonialText: testimonial.text,
        testimonialDisplayName: testimonial.displayName,
        moderatedBy: by,
        moderatedAt: now,
        updatedAt: now,
      });
    },
    async listTestimonials({ states, limit, before, teamIds }) {
      if (states.length === 0 || teamIds?.length === 0) return [];
      const ofTeams = teamIds ? inArray(reviews.ticketId, db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.teamId, [...teamIds]))) : undefined;
      return db
        .select()
        .from(reviews)
        .where(and(inArray(reviews.testimonialState, states), before ? lt(reviews.id, before) : undefined, ofTeams))
        .orderBy(desc(reviews.id))
        .limit(limit)
        .all()
        .map(toReview);
    },
  };
}
