import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  REVIEW_REQUEST_TTL_MS,
  dispatchDueMessages,
  expireReviews,
  ingestEvents,
  requestReview,
  type ChannelAdapter,
  type CoreDeps,
  type InboundMessageEvent,
  type OutboundMessage,
} from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, T0 } from '../testing/fixtures.ts';

/*
 * Stage 5 through core's use cases on the engine under test: the rating question leaves through the
 * outbox with its options for the adapter to render natively, answers in the adapters' `answer` field
 * land on their review, and the janitor frees tickets whose request nobody answered.
 */

const CUSTOMER = '6281300000077';

function recordingAdapter(): ChannelAdapter & { sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  return {
    channel: 'whatsapp',
    sent,
    parse: () => [],
    async send(outbound) {
      sent.push(outbound);
      return { externalMessageId: `wamid.sent-${outbound.messageId}` };
    },
  };
}

describe('review requests and answers through the core use cases', () => {
  let deps: CoreDeps & { clock: ReturnType<typeof fakeClock>; events: ReturnType<typeof recordingPublisher> };
  let ticketId: number;
  const inbound = (id: string, body: string, extra: Partial<InboundMessageEvent> = {}): InboundMessageEvent => ({
    kind: 'message',
    channel: 'whatsapp',
    externalMessageId: id,
    sender: { externalId: CUSTOMER, displayName: 'Rina Wulandari' },
    body,
    sentAt: deps.clock.now(),
    ...extra,
  });
  beforeEach(async () => {
    deps = { db: await freshDb(), clock: fakeClock(T0, 1000), events: recordingPublisher() };
    await ingestEvents(deps, [inbound('wamid.in', 'Paket saya belum sampai')]);
    ticketId = (await deps.db.messages.findByExternalId('whatsapp', 'wamid.in'))!.ticketId;
  });
  afterEach(() => deps.db.close());

  it('hands the rating question to the adapter with its five options, once', async () => {
    const review = await requestReview(deps, { ticketId, requestedBy: null });
    const whatsapp = recordingAdapter();
    expect(await dispatchDueMessages(deps, { whatsapp }, { owner: 'test' })).toMatchObject({ sent: 1 });
    expect(whatsapp.sent).toHaveLength(1);
    expect(whatsapp.sent[0]).toMatchObject({ messageId: review.requestMessageId, recipientExternalId: CUSTOMER, choices: { purpose: 'rating', reviewId: review.id, button: 'Beri nilai' } });
    expect(whatsapp.sent[0]!.choices!.options.map((option) => option.id)).toEqual([5, 4, 3, 2, 1].map((score) => `rate:${review.id}:${score}`));
    expect(deps.events.published.filter((event) => event.type === 'review.updated').map((event) => event.type === 'review.updated' && event.payload.change)).toEqual(['requested']);
  });

  it("routes an answer by the adapter's option id even into a resolved ticket, without reopening it", async () => {
    const review = await requestReview(deps, { ticketId, requestedBy: null });
    await deps.db.tickets.update(ticketId, { status: 'resolved' }, deps.clock.now());
    const [result] = await ingestEvents(deps, [inbound('wamid.tap', '⭐⭐ Kecewa', { answer: { choiceId: `rate:${review.id}:2`, inReplyToExternalId: null } })]);
    expect(result).toMatchObject({ kind: 'message' });
    expect((await deps.db.messages.findByExternalId('whatsapp', 'wamid.tap'))?.ticketId).toBe(ticketId);
    expect((await deps.db.tickets.findById(ticketId))?.status).toBe('resolved');
    expect(await deps.db.reviews.findById(review.id)).toMatchObject({ state: 'rated', score: 2 });
    const recovery = deps.events.published.filter((event) => event.type === 'recovery.updated');
    expect(recovery).toHaveLength(1);
    expect(recovery[0]!.customerId).toBeNull();
  });

  it('a plain message while the review waits for its score threads as usual and changes nothing', async () => {
    const review = await requestReview(deps, { ticketId, requestedBy: null });
    await ingestEvents(deps, [inbound('wamid.chat', 'Sudah 5 hari belum sampai')]);
    expect((await deps.db.messages.findByExternalId('whatsapp', 'wamid.chat'))?.ticketId).toBe(ticketId);
    expect((await deps.db.reviews.findById(review.id))?.state).toBe('requested');
  });

  it('expires a request unanswered for a week, freeing the ticket for a new one', async () => {
    const review = await requestReview(deps, { ticketId, requestedBy: null });
    expect(await expireReviews(deps)).toBe(0);
    deps.clock.advance(REVIEW_REQUEST_TTL_MS + 1000);
    expect(await expireReviews(deps)).toBe(1);
    expect((await deps.db.reviews.findById(review.id))?.state).toBe('expired');
    // The customer wrote a week ago: the window is closed, so a new request waits for them to write again.
    await ingestEvents(deps, [inbound('wamid.back', 'Halo lagi')]);
    const next = await requestReview(deps, { ticketId: (await deps.db.messages.findByExternalId('whatsapp', 'wamid.back'))!.ticketId, requestedBy: null });
    expect(next.id).not.toBe(review.id);
  });

  it('refuses a request outside the WhatsApp window with channel.window_closed and stores nothing', async () => {
    deps.clock.advance(25 * 60 * 60 * 1000);
    await expect(requestReview(deps, { ticketId, requestedBy: null })).rejects.toMatchObject({ code: 'channel.window_closed' });
    expect(await deps.db.reviews.latestForTicket(ticketId)).toBeNull();
    expect((await deps.db.messages.listForTicket(ticketId)).filter((message) => message.direction === 'out')).toEqual([]);
  });
});
