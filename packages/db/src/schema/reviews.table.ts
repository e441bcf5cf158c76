import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { channelKinds, reviewStates, testimonialStates } from '@keluh/core';
import { customers } from './customers.table.ts';
import { messages } from './messages.table.ts';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

/** Stage 5: a rating request, its answer, the consent to publish and the testimonial made from it. */
export const reviews = sqliteTable(
  'reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    channel: text('channel', { enum: channelKinds }).notNull(),
    state: text('state', { enum: reviewStates }).notNull().default('requested'),
    requestMessageId: integer('request_message_id').references(() => messages.id),
    consentMessageId: integer('consent_message_id').references(() => messages.id),
    score: integer('score'),
    comment: text('comment'),
    consent: integer('consent', { mode: 'boolean' }),
    requestedBy: integer('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: text('requested_at').notNull(),
    ratedAt: text('rated_at'),
    completedAt: text('completed_at'),
    testimonialState: text('testimonial_state', { enum: testimonialStates }).notNull().default('none'),
    testimonialText: text('testimonial_text'),
    testimonialDisplayName: text('testimonial_display_name'),
    moderatedBy: integer('moderated_by').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: text('moderated_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // One open request per ticket: two agents pressing "request review" at once cannot both send one.
    uniqueIndex('reviews_one_open_per_ticket_uq').on(t.ticketId).where(sql`${t.state} in ('requested', 'rated')`),
    // A typed answer goes to the customer's newest open review.
    index('reviews_customer_state_idx').on(t.customerId, t.state),
    // A WhatsApp reply names our message by its channel id (context.id): the message is found by the
    // messages' (channel, external_id) key, then the review that carried it by these.
    index('reviews_request_message_idx').on(t.requestMessageId),
    index('reviews_consent_message_idx').on(t.consentMessageId),
    index('reviews_testimonial_idx').on(t.testimonialState, t.id),
    // The board's CSAT today: the ratings since midnight.
    index('reviews_rated_idx').on(t.ratedAt),
  ],
);
