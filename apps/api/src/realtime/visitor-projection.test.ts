import { describe, expect, it } from 'vitest';
import type { Review, StoredEvent } from '@keluh/core';
import { toVisitorEvent } from './visitor-projection.ts';

const review: Review = {
  id: 4,
  ticketId: 2,
  customerId: 9,
  channel: 'webchat',
  state: 'completed',
  requestMessageId: 10,
  consentMessageId: 11,
  score: 5,
  comment: 'Rina senang',
  consent: true,
  requestedBy: 3,
  requestedAt: '2026-03-02T08:00:00.000Z',
  ratedAt: '2026-03-02T08:05:00.000Z',
  completedAt: '2026-03-02T08:06:00.000Z',
  testimonial: { state: 'approved', text: '[…] senang', displayName: 'Rina W.', moderatedBy: 3, moderatedAt: '2026-03-02T09:00:00.000Z' },
};
const event = (change: 'consent' | 'moderated'): StoredEvent =>
  ({ id: 77, type: 'review.updated', ticketId: 2, customerId: 9, createdAt: '2026-03-02T09:00:00.000Z', payload: { review, change } }) as StoredEvent;

describe('what a visitor sees of their review', () => {
  it('sees their own answers, never who asked, the testimonial or its moderation', () => {
    expect(toVisitorEvent(event('consent'))).toEqual({ id: 77, type: 'review.updated', review: { id: 4, ticketId: 2, state: 'completed', score: 5, comment: 'Rina senang', consent: true } });
  });

  it('is not told when staff moderate the testimonial', () => {
    expect(toVisitorEvent(event('moderated'))).toBeNull();
  });
});
