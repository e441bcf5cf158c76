import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { ReviewRepository } from '@keluh/core';
import { messages, reviews, tickets } from './schema/index.ts';
import { OPEN_REVIEW_STATES, toReview } from '../shared/review-row.ts';
import type { PgDb } from './pg-db.ts';

/*
 * Every answer is an UPDATE … WHERE state = <the state it answers>: under READ COMMITTED a second
 * UPDATE of the same row waits for the first, then re-checks the WHERE on the committed row and matches
 * nothing, so a redelivered webhook or two processes racing count once.
 */
export function createReviewRepository(db: PgDb): ReviewRepository {
  const one = (rows: (typeof reviews.$inferSelect)[]) => (rows[0] ? toReview(rows[0]) : null);
  const isOpen = inArray(reviews.state, OPEN_REVIEW_STATES);
  const change = async (id: number, guard: ReturnType<typeof eq> | undefined, values: Partial<typeof reviews.$inferInsert>) =>
    one(await db.update(reviews).set(values).where(and(eq(reviews.id, id), guard)).returning());

  return {
    async createIfNoneOpen(input, now) {
      // No conflict target: the only unique key a new review can hit is "one open review per ticket". A
      // concurrent insert for the same ticket makes this one wait for its commit, then insert nothing.
      return one(await db.insert(reviews).values({ ...input, requestedAt: now, updatedAt: now }).onConflictDoNothing().returning());
    },
    async findById(id) {
      return one(await db.select().from(reviews).where(eq(reviews.id, id)));
    },
    async latestForTicket(ticketId) {
      return one(await db.select().from(reviews).where(eq(reviews.ticketId, ticketId)).orderBy(desc(reviews.id)).limit(1));
    },
    async listOpenForCustomer(customerId) {
      return (await db.select().from(reviews).where(and(eq(reviews.customerId, customerId), isOpen)).orderBy(desc(reviews.id))).map(toReview);
    },
    async findByQuestionExternalId(channel, externalId) {
      const question = db
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.channel, channel), eq(messages.externalId, externalId)));
      return one(await db.select().from(reviews).where(or(eq(reviews.requestMessageId, sql`(${question})`), eq(reviews.consentMessageId, sql`(${question})`))).limit(1));
    },
    async setRequestMessage(id, messageId) {
      await db.update(reviews).set({ requestMessageId: messageId }).where(eq(reviews.id, id));
    },
    async setConsentMessage(id, messageId) {
      await db.update(reviews).set({ consentMessageId: messageId }).where(eq(reviews.id, id));
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
      const expired = await db.update(reviews).set({ state: 'expired', completedAt: now, updatedAt: now }).where(and(eq(reviews.state, 'requested'), lt(reviews.requestedAt, before)));
      const closed = await db.update(reviews).set({ state: 'completed', completedAt: now, updatedAt: now }).where(and(eq(reviews.state, 'rated'), lt(reviews.requestedAt, before)));
      return (expired.rowCount ?? 0) + (closed.rowCount ?? 0);
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
      const rows = await db
        .select()
        .from(reviews)
        .where(and(inArray(reviews.testimonialState, states), before ? lt(reviews.id, before) : undefined, ofTeams))
        .orderBy(desc(reviews.id))
        .limit(limit);
      return rows.map(toReview);
    },
  };
}
