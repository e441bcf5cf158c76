import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage, systemClock, type Review } from '@keluh/core';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('requesting and entering reviews over HTTP', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  /** Recovery tasks are a supervisor's (recovery.manage): the admin has it, the agent does not. */
  let supervisor: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    headers = { authorization: `Bearer ${await t.login()}` };
    supervisor = { authorization: `Bearer ${await t.loginAdmin()}` };
  });
  afterAll(() => t.close());

  const deps = () => ({ db: t.db, clock: systemClock, events: { publish: () => undefined } });
  const say = (sender: string, body: string) =>
    ingestMessage(deps(), { kind: 'message', channel: 'webchat', externalMessageId: `m-${Math.random()}`, sender: { externalId: sender, displayName: 'Rina Wulandari' }, body, sentAt: new Date().toISOString() });
  const newTicket = async () => (await say(`s-${Math.random()}`, 'Pesanan saya rusak')).ticket.id;
  const request = (ticketId: number) => t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/reviews`, headers });
  const answer = (reviewId: number, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/answer`, headers, payload });
  const outbound = async (ticketId: number) => (await t.db.messages.listForTicket(ticketId)).filter((message) => message.direction === 'out');

  it('queues one rating question with five options in the customer\'s language, and refuses a second request', async () => {
    const ticketId = await newTicket();
    const response = await request(ticketId);
    expect(response.statusCode).toBe(201);
    const review = response.json<Review>();
    expect(review).toMatchObject({ ticketId, state: 'requested', channel: 'webchat', requestedBy: t.agentId });
    const [question, ...others] = await outbound(ticketId);
    expect(others).toEqual([]);
    expect(question).toMatchObject({ id: review.requestMessageId, authorUserId: t.agentId, choices: { purpose: 'rating', reviewId: review.id, button: 'Beri nilai' } });
    expect(question!.body).toMatch(/^Halo Kak Rina/);
    expect(question!.choices!.options).toHaveLength(5);

    const again = await request(ticketId);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('review.open_exists');
    expect(await outbound(ticketId)).toHaveLength(1);
  });

  it('answers an unknown ticket with ticket.not_found and stores no review', async () => {
    const response = await request(987_654);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('ticket.not_found');
  });

  it('refuses a rating of 7 or 0 and a consent never asked for, changing nothing', async () => {
    const ticketId = await newTicket();
    const review = (await request(ticketId)).json<Review>();
    for (const score of [7, 0]) {
      const refused = await answer(review.id, { score });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('review.invalid_score');
    }
    const consent = await answer(review.id, { consent: true });
    expect(consent.statusCode).toBe(409);
    expect(consent.json().error.code).toBe('review.not_requested');
    // A valid comment together with a bad score: refused whole, the comment not kept either.
    expect((await answer(review.id, { score: 9, comment: 'Bagus' })).statusCode).toBe(400);
    expect(await t.db.reviews.findById(review.id)).toMatchObject({ state: 'requested', score: null, comment: null, consent: null });
    expect(await outbound(ticketId)).toHaveLength(1);
  });

  it("enters the customer's phoned-in answer without messaging them, and refuses a second score", async () => {
    const ticketId = await newTicket();
    const review = (await request(ticketId)).json<Review>();
    const entered = await answer(review.id, { score: 5, comment: 'Cepat dan ramah', consent: false });
    expect(entered.statusCode).toBe(200);
    expect(entered.json()).toMatchObject({ state: 'completed', score: 5, comment: 'Cepat dan ramah', consent: false, testimonial: { state: 'none' } });
    expect(await outbound(ticketId)).toHaveLength(1);
    const again = await answer(review.id, { score: 4 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('review.not_requested');
  });

  it('a typed "lima" from the customer rates the newest open review and asks for consent', async () => {
    const sender = `s-${Math.random()}`;
    const ticketId = (await say(sender, 'Paket telat')).ticket.id;
    const review = (await request(ticketId)).json<Review>();
    const reply = await say(sender, 'lima');
    expect(reply.ticket.id).toBe(ticketId);
    const rated = await t.db.reviews.findById(review.id);
    expect(rated).toMatchObject({ state: 'rated', score: 5 });
    const consentQuestion = (await outbound(ticketId)).at(-1);
    expect(consentQuestion).toMatchObject({ id: rated!.consentMessageId, choices: { purpose: 'consent' } });
  });

  it('a score of 1 opens exactly one recovery task, which a supervisor closes once with a note', async () => {
    const ticketId = await newTicket();
    const review = (await request(ticketId)).json<Review>();
    expect((await answer(review.id, { score: 1 })).statusCode).toBe(200);
    expect((await answer(review.id, { score: 1 })).statusCode).toBe(409);

    expect((await t.app.inject({ method: 'GET', url: '/api/recovery-tasks?state=open', headers })).statusCode).toBe(403);
    const open = (await t.app.inject({ method: 'GET', url: '/api/recovery-tasks?state=open', headers: supervisor })).json<{ items: { id: number; reviewId: number }[] }>();
    const tasks = open.items.filter((task) => task.reviewId === review.id);
    expect(tasks).toHaveLength(1);

    const close = (payload: unknown) => t.app.inject({ method: 'POST', url: `/api/recovery-tasks/${tasks[0]!.id}/close`, headers: supervisor, payload: payload as Record<string, unknown> });
    expect((await close({ note: '' })).json().error.code).toBe('validation.failed');
    const closed = await close({ note: 'Ditelepon, ongkir dikembalikan' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'done', note: 'Ditelepon, ongkir dikembalikan', closedBy: expect.any(Number) });
    expect(closed.json().closedBy).not.toBe(t.agentId);
    const twice = await close({ note: 'Lagi' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('recovery.closed');
    const missing = await t.app.inject({ method: 'POST', url: '/api/recovery-tasks/999999/close', headers: supervisor, payload: { note: 'Tidak ada' } });
    expect(missing.json().error.code).toBe('recovery.not_found');
  });

  it('sweeps unanswered requests with a recurring janitor.reviews job, scheduled once', async () => {
    const job = await t.db.jobs.findByKey('janitor.reviews', 'recurring');
    expect(job).toMatchObject({ kind: 'janitor.reviews', state: 'pending' });
    expect(job!.runAt > new Date().toISOString()).toBe(true);
  });

  it('keeps every review route behind a session', async () => {
    for (const [method, url] of [['POST', '/api/tickets/1/reviews'], ['POST', '/api/reviews/1/answer'], ['GET', '/api/testimonials'], ['GET', '/api/recovery-tasks']] as const) {
      const response = await t.app.inject({ method, url, payload: method === 'POST' ? { score: 5 } : undefined });
      expect(response.statusCode).toBe(401);
    }
  });
});
