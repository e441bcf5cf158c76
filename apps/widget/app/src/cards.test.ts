import { describe, expect, it } from 'vitest';
import type { VisitorPromiseDto, VisitorReviewDto, WidgetMessageDto } from '@keluh/contracts';
import { consentAnswered, ratingAnswered } from './cards.ts';
import { initialConversation, reduceConversation } from './conversation.ts';

const promise = (id: number, over: Partial<VisitorPromiseDto> = {}): VisitorPromiseDto => ({ id, ticketId: 1, text: `janji ${id}`, dueAt: '2026-12-02T10:00:00.000Z', state: 'open', ...over });
const review = (over: Partial<VisitorReviewDto> = {}): VisitorReviewDto => ({ id: 12, ticketId: 1, state: 'requested', score: null, comment: null, consent: null, ...over });
const question: WidgetMessageDto = {
  id: 40, ticketId: 1, direction: 'out', authorKind: 'agent', authorName: 'Rina', body: 'Seberapa puas Anda?', attachments: [], status: 'sent',
  sentAt: '2026-12-01T10:00:00.000Z', createdAt: '2026-12-01T10:00:00.000Z',
  choices: { purpose: 'rating', reviewId: 12, options: [1, 2, 3, 4, 5].map((n) => ({ id: `rate:12:${n}`, title: `${n}` })) },
};

describe('the promise and review cards of the conversation', () => {
  it('the history brings the question with its choices, the promises due soonest first, and the reviews', () => {
    const state = reduceConversation(initialConversation(), { type: 'hydrated', messages: [question], lastEventId: 7, promises: [promise(2, { dueAt: '2026-12-03T10:00:00.000Z' }), promise(1)], reviews: [review()] });
    expect(state.messages[0]?.choices).toEqual(question.choices);
    expect(state.cards.promises.map((p) => p.id)).toEqual([1, 2]);
    expect(state.cards.reviews).toEqual([review()]);
  });

  it('a history from a server that sends no promises or reviews shows no cards', () => {
    const state = reduceConversation(initialConversation(), { type: 'hydrated', messages: [], lastEventId: 7 });
    expect(state.cards).toEqual({ promises: [], reviews: [] });
  });

  it('a promise.updated event replaces the card of the same promise: kept after open', () => {
    let state = reduceConversation(initialConversation(), { type: 'hydrated', messages: [], lastEventId: 7, promises: [promise(1)] });
    state = reduceConversation(state, { type: 'events', events: [{ id: 8, type: 'promise.updated', promise: promise(1, { state: 'kept' }) }] });
    expect(state.cards.promises).toEqual([promise(1, { state: 'kept' })]);
  });

  it('a replayed older event does not take a card back to what it was', () => {
    let state = reduceConversation(initialConversation(), { type: 'events', events: [{ id: 9, type: 'review.updated', review: review({ state: 'rated', score: 4 }) }] });
    state = reduceConversation(state, { type: 'events', events: [{ id: 8, type: 'review.updated', review: review() }] });
    expect(state.cards.reviews).toEqual([review({ state: 'rated', score: 4 })]);
  });

  it('the ack of our own answer shows at once, before its event arrives', () => {
    const state = reduceConversation(initialConversation(), { type: 'review.answered', review: review({ state: 'rated', score: 2 }) });
    expect(state.cards.reviews).toEqual([review({ state: 'rated', score: 2 })]);
  });

  it('a rating counts as answered once rated, consent once given either way or the review closed', () => {
    expect(ratingAnswered(undefined)).toBe(false);
    expect(ratingAnswered(review())).toBe(false);
    expect(ratingAnswered(review({ state: 'rated', score: 5 }))).toBe(true);
    expect(consentAnswered(review({ state: 'rated', score: 5 }))).toBe(false);
    expect(consentAnswered(review({ state: 'rated', score: 5, consent: false }))).toBe(true);
    expect(consentAnswered(review({ state: 'expired' }))).toBe(true);
  });
});
