import type { Message, Review, StoredEvent, TicketPromise } from '@keluh/core';
import type { VisitorEvent, VisitorPromiseDto, VisitorReviewDto, WidgetMessageDto } from '@keluh/contracts';

/** A visitor sees their conversation, never internal ticket fields, notes or who else is on it. */
export function toWidgetMessage(message: Message): WidgetMessageDto {
  return {
    id: message.id,
    ticketId: message.ticketId,
    direction: message.direction,
    authorKind: message.authorKind,
    authorName: message.authorName,
    body: message.body,
    attachments: message.attachments,
    status: message.status,
    sentAt: message.sentAt,
    createdAt: message.createdAt,
    choices: message.choices,
  };
}

/** The promise card: what, by when, and whether it was kept; never who owns it or when they were nudged. */
export function toVisitorPromise(promise: TicketPromise): VisitorPromiseDto {
  return { id: promise.id, ticketId: promise.ticketId, text: promise.text, dueAt: promise.dueAt, state: promise.state };
}

/** What the widget shows of a review: never the testimonial text, moderation or who asked. */
export function toVisitorReview(review: Review): VisitorReviewDto {
  return { id: review.id, ticketId: review.ticketId, state: review.state, score: review.score, comment: review.comment, consent: review.consent };
}

/** Projects a domain event for the widget; events a visitor must not see project to null. */
export function toVisitorEvent(event: StoredEvent): VisitorEvent | null {
  switch (event.type) {
    case 'message.created':
      return event.payload.message.authorKind === 'system'
        ? null
        : { id: event.id, type: 'message.created', message: toWidgetMessage(event.payload.message) };
    case 'message.status':
      return { id: event.id, type: 'message.status', messageId: event.payload.messageId, status: event.payload.status };
    case 'promise.updated':
      // Reminders and overdue notices are for the owner; the card changes only when the promise does.
      return event.payload.change === 'reminder' || event.payload.change === 'overdue'
        ? null
        : { id: event.id, type: 'promise.updated', promise: toVisitorPromise(event.payload.promise) };
    case 'review.updated':
      // Moderation is staff work; the visitor sees their own answers only.
      return event.payload.change === 'moderated' ? null : { id: event.id, type: 'review.updated', review: toVisitorReview(event.payload.review) };
    default:
      return null;
  }
}
