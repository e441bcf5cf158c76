import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ig, wa, type WaCustomer } from '@keluh/meta-sim';
import { REOPEN_DAYS_KEY, type Message, type Review } from '@keluh/core';
import { eventually } from '../../testing/test-app.ts';
import { startChannelHarness, type ChannelHarness } from '../../testing/channel-harness.ts';

/**
 * Stage 5 answers through the real adapters: meta-sim signs and POSTs the WhatsApp and Instagram
 * webhooks exactly as Meta sends them (channels.md §9), and each answer must land on the right review.
 */
describe('rating answers from WhatsApp and Instagram, through meta-sim', () => {
  let h: ChannelHarness;
  beforeAll(async () => {
    h = await startChannelHarness();
  });
  afterEach(async () => {
    await h.sim.settle();
    h.resetSim();
  });
  afterAll(() => h.close());

  const delivered = async (delivery: Promise<{ delivered: boolean }>) => expect((await delivery).delivered).toBe(true);
  const review = async (id: number) => (await h.t.db.reviews.findById(id))!;

  /** Asks for a review over HTTP and waits until the outbox has sent the question (it has its channel id). */
  async function requestReview(ticketId: number): Promise<{ review: Review; question: Message }> {
    const response = await h.t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/reviews`, headers: h.headers });
    expect(response.statusCode).toBe(201);
    const created = response.json<Review>();
    let question: Message | null = null;
    await eventually(async () => {
      question = await h.t.db.messages.findById(created.requestMessageId!);
      expect(question?.externalId).toBeTruthy();
    });
    return { review: created, question: question! };
  }

  async function whatsappTicket(who: WaCustomer, id: string): Promise<number> {
    await delivered(h.sim.webhooks.whatsapp.inbound(who, wa.text('Paket saya belum datang', { id })));
    return (await h.message('whatsapp', id)).ticketId;
  }

  it('a WhatsApp list reply lands on its review, and a good score asks for consent in the same chat', async () => {
    const rina: WaCustomer = { name: 'Rina Wulandari', waId: '6281200009001' };
    const ticketId = await whatsappTicket(rina, 'wamid.rv1.first');
    const { review: requested, question } = await requestReview(ticketId);
    expect(question.choices?.options.map((option) => option.id)).toEqual([5, 4, 3, 2, 1].map((score) => `rate:${requested.id}:${score}`));
    expect(h.sim.state.sent.map((sent) => sent.id)).toContain(question.externalId);

    await delivered(h.sim.webhooks.whatsapp.inbound(rina, wa.listReply(`rate:${requested.id}:5`, '⭐⭐⭐⭐⭐ Sangat puas', '', { id: 'wamid.rv1.answer', replyTo: question.externalId! })));

    const rated = await review(requested.id);
    expect(rated).toMatchObject({ state: 'rated', score: 5 });
    const answer = await h.message('whatsapp', 'wamid.rv1.answer');
    expect(answer.ticketId).toBe(ticketId);
    let consentQuestion: Message | null = null;
    await eventually(async () => {
      consentQuestion = await h.t.db.messages.findById(rated.consentMessageId!);
      expect(consentQuestion?.externalId).toBeTruthy();
    });
    expect(consentQuestion!.choices).toMatchObject({ purpose: 'consent', options: [{ id: `consent:${requested.id}:yes` }, { id: `consent:${requested.id}:no` }] });

    // The comment the consent question invited, then a tap on "yes" quoting that question. An address
    // runs to the end of its clause: redacting a few words too many is the safe side.
    await delivered(h.sim.webhooks.whatsapp.inbound(rina, wa.text('Makasih, Rina puas! Kirim ke Jl. Melati No. 3 cepat sekali', { id: 'wamid.rv1.comment' })));
    await delivered(h.sim.webhooks.whatsapp.inbound(rina, wa.buttonReply(`consent:${requested.id}:yes`, '👍 Ya, boleh', { id: 'wamid.rv1.consent', replyTo: consentQuestion!.externalId! })));
    expect(await review(requested.id)).toMatchObject({
      state: 'completed',
      consent: true,
      comment: 'Makasih, Rina puas! Kirim ke Jl. Melati No. 3 cepat sekali',
      testimonial: { state: 'pending', displayName: 'Rina W.', text: 'Makasih, […] puas! Kirim ke […]' },
    });
  });

  it('a typed answer quoting an older rating request goes to that review, a plain "lima" to the newest', async () => {
    const budi: WaCustomer = { name: 'Budi Santoso', waId: '6281200009002' };
    const first = await whatsappTicket(budi, 'wamid.rv2.first');
    const older = await requestReview(first);
    // Past the reopen window, so Budi's next message is a new ticket.
    await h.t.db.settings.set(REOPEN_DAYS_KEY, '0');
    await h.t.app.inject({ method: 'PATCH', url: `/api/tickets/${first}`, headers: h.headers, payload: { status: 'resolved' } });
    const second = await whatsappTicket(budi, 'wamid.rv2.second');
    await h.t.db.settings.set(REOPEN_DAYS_KEY, '3');
    expect(second).not.toBe(first);
    const newer = await requestReview(second);

    await delivered(h.sim.webhooks.whatsapp.inbound(budi, wa.text('4', { id: 'wamid.rv2.quoted', replyTo: older.question.externalId! })));
    expect(await review(older.review.id)).toMatchObject({ state: 'rated', score: 4 });
    expect((await review(newer.review.id)).state).toBe('requested');
    // Threaded into the resolved ticket, which stays resolved: a rating is not a new complaint.
    expect((await h.message('whatsapp', 'wamid.rv2.quoted')).ticketId).toBe(first);
    expect((await h.t.db.tickets.findById(first))?.status).toBe('resolved');

    await delivered(h.sim.webhooks.whatsapp.inbound(budi, wa.text('lima', { id: 'wamid.rv2.typed' })));
    expect(await review(newer.review.id)).toMatchObject({ state: 'rated', score: 5 });
    expect((await h.message('whatsapp', 'wamid.rv2.typed')).ticketId).toBe(second);
  });

  it('a redelivered score of 1 counts once and opens exactly one recovery task', async () => {
    const sari: WaCustomer = { name: 'Sari', waId: '6281200009003' };
    const ticketId = await whatsappTicket(sari, 'wamid.rv3.first');
    const { review: requested, question } = await requestReview(ticketId);
    const tap = wa.buttonReply(`rate:${requested.id}:1`, '⭐ Sangat kecewa', { id: 'wamid.rv3.answer', replyTo: question.externalId! });
    const report = await h.sim.webhooks.whatsapp.inbound(sari, tap, { duplicate: 'sequential' });
    expect([report, ...report.duplicates].every((delivery) => delivery.delivered)).toBe(true);
    await delivered(h.sim.webhooks.whatsapp.inbound(sari, tap));

    expect(await review(requested.id)).toMatchObject({ state: 'rated', score: 1 });
    const tasks = (await h.t.db.recoveryTasks.list({ limit: 100 })).filter((task) => task.reviewId === requested.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ ticketId, score: 1, state: 'open' });
    const timeline = await h.t.db.messages.listForTicket(ticketId);
    expect(timeline.filter((message) => message.externalId === 'wamid.rv3.answer')).toHaveLength(1);
    // One apology, not one per delivery.
    expect(timeline.filter((message) => message.direction === 'out' && /maaf/i.test(message.body))).toHaveLength(1);
  });

  it('an option id we never sent is kept as a plain message and changes nothing', async () => {
    const dewi: WaCustomer = { name: 'Dewi', waId: '6281200009004' };
    const ticketId = await whatsappTicket(dewi, 'wamid.rv4.first');
    const { review: requested, question } = await requestReview(ticketId);
    await delivered(h.sim.webhooks.whatsapp.inbound(dewi, wa.listReply(`rate:${requested.id}:7`, '⭐⭐⭐⭐⭐⭐⭐', '', { id: 'wamid.rv4.bad', replyTo: question.externalId! })));
    expect((await h.message('whatsapp', 'wamid.rv4.bad')).ticketId).toBe(ticketId);
    expect(await review(requested.id)).toMatchObject({ state: 'requested', score: null });
  });

  it('an Instagram quick reply lands on its review by its payload', async () => {
    const igsid = '6600000000009005';
    await delivered(h.sim.webhooks.instagram.inbound(igsid, ig.text('Kopi saya tumpah di paket', { mid: 'ig-rv5-first' })));
    const ticketId = (await h.message('instagram', 'ig-rv5-first')).ticketId;
    const { review: requested } = await requestReview(ticketId);
    await delivered(h.sim.webhooks.instagram.inbound(igsid, ig.quickReply('⭐⭐⭐⭐ Puas', `rate:${requested.id}:4`, { mid: 'ig-rv5-answer' })));
    expect(await review(requested.id)).toMatchObject({ state: 'rated', score: 4, channel: 'instagram' });
    expect((await h.message('instagram', 'ig-rv5-answer')).ticketId).toBe(ticketId);
  });
});
