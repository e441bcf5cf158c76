import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Review } from '@keluh/core';
import type { VisitorEvent, VisitorReviewDto } from '@keluh/contracts';
import { connected, nextPushed, startTestApp, type TestApp } from '../testing/test-app.ts';

type SendAck = { ok: true; message: { id: number; ticketId: number } } | { ok: false; error: { code: string } };
type AnswerAck = { ok: true; review: VisitorReviewDto } | { ok: false; error: { code: string } };

describe("a widget visitor rates their conversation over the socket", () => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    headers = { authorization: `Bearer ${await t.login()}` };
  });
  afterAll(() => t.close());

  async function visitorWithTicket(clientMessageId: string) {
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);
    const ack = await new Promise<SendAck>((resolve) => socket.emit('message.send', { clientMessageId, body: 'Pesanan saya salah ukuran' }, resolve as never));
    if (!ack.ok) throw new Error(ack.error.code);
    return { visitor, socket, ticketId: ack.message.ticketId };
  }
  const answer = (socket: ReturnType<TestApp['visitorSocket']>, payload: unknown) =>
    new Promise<AnswerAck>((resolve) => socket.emit('review.answer', payload as never, resolve as never));

  it('sees the rating request live and in its conversation, and answers stars, comment and consent in one go', async () => {
    const { visitor, socket, ticketId } = await visitorWithTicket('review-visitor-0001');
    const pushed = nextPushed<VisitorEvent>(socket, (event) => event.type === 'review.updated');
    const requested = (await t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/reviews`, headers })).json<Review>();
    expect(await pushed).toMatchObject({ type: 'review.updated', review: { id: requested.id, ticketId, state: 'requested', score: null } });

    const conversation = (await t.app.inject({ method: 'GET', url: '/api/widget/conversation', headers: { authorization: `Bearer ${visitor.visitorToken}` } })).json();
    expect(conversation.reviews).toEqual([{ id: requested.id, ticketId, state: 'requested', score: null, comment: null, consent: null }]);
    const question = conversation.messages.find((message: { id: number }) => message.id === requested.requestMessageId);
    expect(question.choices.options).toHaveLength(5);

    const ack = await answer(socket, { reviewId: requested.id, score: 5, comment: 'Cepat sekali', consent: true });
    expect(ack).toEqual({ ok: true, review: { id: requested.id, ticketId, state: 'completed', score: 5, comment: 'Cepat sekali', consent: true } });
    expect((await t.db.reviews.findById(requested.id))?.testimonial.state).toBe('pending');
    // Consent came with the stars: no consent question follows.
    const outbound = (await t.db.messages.listForTicket(ticketId)).filter((message) => message.direction === 'out');
    expect(outbound.map((message) => message.choices?.purpose)).toEqual(['rating']);
  });

  it("cannot answer someone else's review, a score of 6, or the same review twice", async () => {
    const owner = await visitorWithTicket('review-visitor-0002');
    const stranger = await visitorWithTicket('review-visitor-0003');
    const requested = (await t.app.inject({ method: 'POST', url: `/api/tickets/${owner.ticketId}/reviews`, headers })).json<Review>();

    const foreign = await answer(stranger.socket, { reviewId: requested.id, score: 5 });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'review.not_found' } });
    expect(await answer(owner.socket, { reviewId: requested.id, score: 6 })).toMatchObject({ ok: false, error: { code: 'review.invalid_score' } });
    expect(await answer(owner.socket, { reviewId: 'x', score: 5 })).toMatchObject({ ok: false, error: { code: 'validation.failed' } });
    expect((await t.db.reviews.findById(requested.id))?.state).toBe('requested');

    const low = await answer(owner.socket, { reviewId: requested.id, score: 2 });
    expect(low).toMatchObject({ ok: true, review: { state: 'rated', score: 2 } });
    expect(await answer(owner.socket, { reviewId: requested.id, score: 2 })).toMatchObject({ ok: false, error: { code: 'review.not_requested' } });
    const tasks = (await t.db.recoveryTasks.list({ limit: 100 })).filter((task) => task.reviewId === requested.id);
    expect(tasks).toHaveLength(1);
    const apology = (await t.db.messages.listForTicket(owner.ticketId)).at(-1);
    expect(apology?.body).toMatch(/maaf/i);
  });
});
