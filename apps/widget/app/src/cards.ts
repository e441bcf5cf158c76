import type { VisitorEvent, VisitorPromiseDto, VisitorReviewDto } from '@keluh/contracts';

/*
 * The promise and review cards beside the messages. Both arrive whole (the conversation fetch, a
 * `promise.updated` / `review.updated` event, a `review.answer` ack) and the newest copy of each id
 * replaces the one shown; the event-id gate in conversation.ts keeps a replayed event from going back.
 */

export interface Cards {
  promises: readonly VisitorPromiseDto[];
  reviews: readonly VisitorReviewDto[];
}

export const noCards = (): Cards => ({ promises: [], reviews: [] });

function replaceById<T extends { id: number }>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((existing) => existing.id === item.id);
  if (index < 0) return [...list, item];
  const next = [...list];
  next[index] = item;
  return next;
}

/** A promise due soonest shows first; ids break ties so the order never flickers. */
const byDue = (a: VisitorPromiseDto, b: VisitorPromiseDto) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id - b.id;

export function withPromise(cards: Cards, promise: VisitorPromiseDto): Cards {
  return { ...cards, promises: replaceById(cards.promises, promise).sort(byDue) };
}

export function withReview(cards: Cards, review: VisitorReviewDto): Cards {
  return { ...cards, reviews: replaceById(cards.reviews, review) };
}

export function cardsFromSnapshot(promises: readonly VisitorPromiseDto[] | undefined, reviews: readonly VisitorReviewDto[] | undefined): Cards {
  return { promises: [...(promises ?? [])].sort(byDue), reviews: [...(reviews ?? [])] };
}

export function applyCardEvent(cards: Cards, event: VisitorEvent): Cards {
  if (event.type === 'promise.updated') return withPromise(cards, event.promise);
  if (event.type === 'review.updated') return withReview(cards, event.review);
  return cards;
}

/** The visitor answered: stars given (or the request closed), and for consent, whether it was given. */
export function ratingAnswered(review: VisitorReviewDto | undefined): boolean {
  return review !== undefined && review.state !== 'requested';
}
export function consentAnswered(review: VisitorReviewDto | undefined): boolean {
  return review !== undefined && (review.consent !== null || review.state === 'completed' || review.state === 'expired');
}
