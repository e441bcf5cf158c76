import { describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import type { VisitorReviewDto, WidgetConversationDto } from '@keluh/contracts';
import { FakeSocket } from './fakeSocket.fixture.ts';
import { createTokenStore } from './session.ts';
import { OFFLINE } from './review-answer.ts';
import { useChat } from './useChat.ts';

const review = (over: Partial<VisitorReviewDto> = {}): VisitorReviewDto => ({ id: 12, ticketId: 1, state: 'requested', score: null, comment: null, consent: null, ...over });
const history: WidgetConversationDto = {
  messages: [],
  lastEventId: 100,
  promises: [{ id: 5, ticketId: 1, text: 'Refund diproses', dueAt: '2026-12-02T10:00:00.000Z', state: 'open' }],
  reviews: [review()],
};

function setUp() {
  const socket = new FakeSocket();
  const grant = { visitorId: 'v1', visitorToken: 'access-1', visitorTokenExpiresAt: '2026-03-02T08:15:00.000Z', refreshToken: 'refresh-1', refreshTokenExpiresAt: '2026-04-01T08:00:00.000Z' };
  const chat = effectScope().run(() =>
    useChat({
      api: { createSession: async () => grant, conversation: async () => history },
      tokens: createTokenStore(null),
      openSocket: () => socket.asSocket(),
      bridge: { embedded: true, post: () => undefined, onPanel: () => () => undefined },
      doc: { visibilityState: 'visible', addEventListener: vi.fn(), removeEventListener: vi.fn() },
      startOpen: true,
      retryDelays: [1],
    }),
  )!;
  const connectAndSync = async () => {
    socket.serverConnect();
    socket.lastPending('sync').ack(null, { ok: true, events: [], latestId: 100 });
    await vi.waitFor(() => expect(chat.connection.value).toBe('connected'));
  };
  return { socket, chat, connectAndSync };
}

describe('the widget answering a review', () => {
  it('shows the promises and the review request the conversation fetch brought', async () => {
    const { chat } = setUp();
    await chat.start();
    expect(chat.cards.value).toEqual({ promises: history.promises, reviews: history.reviews });
  });

  it('sends the answer as review.answer and shows the review from the ack at once', async () => {
    const { chat, socket, connectAndSync } = setUp();
    await chat.start();
    await connectAndSync();
    const answered = chat.answerReview({ reviewId: 12, score: 5, consent: true });
    const emitted = socket.lastPending('review.answer');
    expect(emitted.payload).toEqual({ reviewId: 12, score: 5, consent: true });
    emitted.ack(null, { ok: true, review: review({ state: 'rated', score: 5, consent: true }) });
    await expect(answered).resolves.toEqual({ ok: true });
    expect(chat.cards.value.reviews).toEqual([review({ state: 'rated', score: 5, consent: true })]);
  });

  it('reports the server’s code when it refuses, and changes nothing', async () => {
    const { chat, socket, connectAndSync } = setUp();
    await chat.start();
    await connectAndSync();
    const answered = chat.answerReview({ reviewId: 12, score: 9 });
    socket.lastPending('review.answer').ack(null, { ok: false, error: { code: 'review.invalid_score', message: 'Score 1–5' } });
    await expect(answered).resolves.toEqual({ ok: false, code: 'review.invalid_score' });
    expect(chat.cards.value.reviews).toEqual([review()]);
  });

  it('says the connection is down instead of sending while offline, and when the connection drops mid-answer', async () => {
    const { chat, socket, connectAndSync } = setUp();
    await chat.start();
    await expect(chat.answerReview({ reviewId: 12, score: 4 })).resolves.toEqual({ ok: false, code: OFFLINE });
    expect(socket.pending('review.answer')).toHaveLength(0);
    await connectAndSync();
    const answered = chat.answerReview({ reviewId: 12, score: 4 });
    socket.serverDisconnect();
    await expect(answered).resolves.toEqual({ ok: false, code: OFFLINE });
  });
});
