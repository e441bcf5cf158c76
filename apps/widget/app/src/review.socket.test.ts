import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisitorEvent, VisitorReviewDto } from '@keluh/contracts';
import { initialConversation, reduceConversation, type ConversationState } from './conversation.ts';
import { connectRealtime, type Realtime } from './realtime.ts';
import { startVisitorServer, type VisitorServer } from './visitor-server.testkit.ts';

const review = (over: Partial<VisitorReviewDto> = {}): VisitorReviewDto => ({ id: 12, ticketId: 3, state: 'requested', score: null, comment: null, consent: null, ...over });

let server: VisitorServer;
let realtime: Realtime | null = null;
let state: ConversationState;

beforeEach(async () => {
  server = await startVisitorServer();
  state = initialConversation();
});
afterEach(async () => {
  realtime?.close();
  realtime = null;
  await server.close();
});

/** The widget's realtime layer over a real socket.io connection, feeding the conversation reducer. */
async function connected(): Promise<Realtime> {
  const socket = server.clientSocket();
  const ready = new Promise<void>((resolve) => {
    realtime = connectRealtime(
      socket,
      {
        lastEventId: () => state.lastEventId,
        onEvents: (events: VisitorEvent[]) => (state = reduceConversation(state, { type: 'events', events })),
        onState: vi.fn(),
        onReady: () => resolve(),
        onDisconnect: vi.fn(),
        onAuthRejected: vi.fn(),
        onStale: vi.fn(),
      },
      { ackTimeoutMs: 2_000, syncRetryMs: 50 },
    );
  });
  socket.connect();
  (await server.nextSync()).accept([], 0);
  await ready;
  return realtime!;
}

describe('answering a rating over the visitor socket', () => {
  it('sends stars, comment and consent as review.answer, and the ack carries the review as it now stands', async () => {
    server.answerReviewsWith((request) => ({ ok: true, review: review({ state: 'rated', score: request.score ?? null, comment: request.comment ?? null, consent: request.consent ?? null }) }));
    const live = await connected();
    const result = await live.answerReview({ reviewId: 12, score: 4, comment: 'Cepat ditangani', consent: true });
    expect(server.reviewAnswers).toEqual([{ reviewId: 12, score: 4, comment: 'Cepat ditangani', consent: true }]);
    expect(result).toEqual({ kind: 'ok', review: review({ state: 'rated', score: 4, comment: 'Cepat ditangani', consent: true }) });
  });

  it('hands back the coded refusal of an answer the server will not take', async () => {
    server.answerReviewsWith(() => ({ ok: false, error: { code: 'review.not_requested', message: 'Already rated' } }));
    const live = await connected();
    expect(await live.answerReview({ reviewId: 12, score: 5 })).toEqual({ kind: 'rejected', error: { code: 'review.not_requested', message: 'Already rated' } });
  });

  it('does not send an answer while the socket is not synced', async () => {
    const socket = server.clientSocket();
    realtime = connectRealtime(socket, { lastEventId: () => 0, onEvents: vi.fn(), onState: vi.fn(), onReady: vi.fn(), onDisconnect: vi.fn(), onAuthRejected: vi.fn(), onStale: vi.fn() });
    expect(await realtime.answerReview({ reviewId: 12, score: 5 })).toEqual({ kind: 'lost' });
    expect(server.reviewAnswers).toHaveLength(0);
  });

  it('a pushed review.updated and promise.updated replace the cards the visitor sees', async () => {
    await connected();
    server.push([
      { id: 1, type: 'review.updated', review: review() },
      { id: 2, type: 'promise.updated', promise: { id: 5, ticketId: 3, text: 'Kurir baru dikirim hari ini', dueAt: '2026-12-01T15:00:00.000Z', state: 'open' } },
      { id: 3, type: 'review.updated', review: review({ state: 'completed', score: 5, consent: false }) },
    ]);
    await vi.waitFor(() => expect(state.lastEventId).toBe(3));
    expect(state.cards.reviews).toEqual([review({ state: 'completed', score: 5, consent: false })]);
    expect(state.cards.promises.map((promise) => promise.state)).toEqual(['open']);
  });
});
