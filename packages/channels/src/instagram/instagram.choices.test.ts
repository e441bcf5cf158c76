import { describe, expect, it } from 'vitest';
import { type ChannelSendError, type MessageChoices, type OutboundMessage } from '@keluh/core';
import { InstagramAdapter } from './instagram.adapter.ts';
import { fakeFetch, type ScriptedAnswer } from './instagram.fake-fetch.ts';
import * as f from './instagram.fixtures.ts';
import { parseInstagramWebhook } from './instagram.webhook.ts';

const now = '2026-01-10T12:00:00.000Z';
const hoursAgo = (hours: number) => new Date(Date.parse(now) - hours * 3_600_000).toISOString();
const settings = { appSecret: f.APP_SECRET, verifyToken: 'verify', accessToken: 'ig-token', accountId: f.ACCOUNT_ID };
const titles = ['⭐', '⭐⭐', '⭐⭐⭐', '⭐⭐⭐⭐', '⭐⭐⭐⭐⭐ Sangat puas'];
const rating: MessageChoices = { purpose: 'rating', reviewId: 12, options: titles.map((title, i) => ({ id: `rate:12:${i + 1}`, title })) };
const ask = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  messageId: 9, ticketId: 3, channel: 'instagram', recipientExternalId: f.IGSID, body: 'Seberapa puas Kakak dengan penanganan kami?', lastInboundAt: hoursAgo(2), choices: rating, ...over,
});
function setup(...answers: ScriptedAnswer[]) {
  const fetch = fakeFetch(...(answers.length > 0 ? answers : [{ json: f.sendResponse }]));
  return { fetch, adapter: new InstagramAdapter(settings, { fetch, now: () => now }) };
}
const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('send should fail'), (error: unknown) => error as ChannelSendError);
const parse = (item: unknown) => parseInstagramWebhook(f.envelope([item]), { accountId: f.ACCOUNT_ID });

describe('asking an Instagram customer a structured question (channels.md §9)', () => {
  it('a rating request is the text with five quick replies whose payloads are our option ids', async () => {
    const { fetch, adapter } = setup();
    await expect(adapter.send(ask())).resolves.toEqual({ externalMessageId: f.mids.sent });
    expect(fetch.calls[0]?.body).toEqual({
      recipient: { id: f.IGSID },
      message: { text: 'Seberapa puas Kakak dengan penanganan kami?', quick_replies: titles.map((title, i) => ({ content_type: 'text', title, payload: `rate:12:${i + 1}` })) },
    });
  });

  it('fourteen quick replies are refused with a coded error before Instagram is called', async () => {
    const { fetch, adapter } = setup();
    const many = { ...rating, options: Array.from({ length: 14 }, (_, i) => ({ id: `o${i}`, title: `${i}` })) };
    expect(await failure(adapter.send(ask({ choices: many })))).toMatchObject({ code: 'channel.choices_unfit', retryable: false });
    expect(fetch.calls).toHaveLength(0);
  });

  it('a quick-reply title over 20 characters is refused before Instagram is called', async () => {
    const { fetch, adapter } = setup();
    const wordy = { ...rating, options: [{ id: 'rate:12:5', title: '⭐⭐⭐⭐⭐ Sangat puas sekali' }] };
    expect((await failure(adapter.send(ask({ choices: wordy })))).message).toMatch(/choices\.options\.0\.title: At most 20 characters \(has 24\)/);
    expect(fetch.calls).toHaveLength(0);
  });

  it('on day 3 the question is refused rather than sent with HUMAN_AGENT, which does not cover asking for a rating', async () => {
    const { fetch, adapter } = setup();
    expect(await failure(adapter.send(ask({ lastInboundAt: hoursAgo(72) })))).toMatchObject({ code: 'channel.window_closed', retryable: false });
    expect(fetch.calls).toHaveLength(0);
  });

  it('when Instagram says the window closed, the question is not retried with HUMAN_AGENT', async () => {
    const { fetch, adapter } = setup({ status: 400, json: f.graphErrorBody(10, 2534022) });
    const error = await failure(adapter.send(ask({ lastInboundAt: hoursAgo(23.99) })));
    expect(error).toMatchObject({ code: 'channel.window_closed', message: expect.stringMatching(/may not ride on HUMAN_AGENT/) });
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('answers to our questions on Instagram (channels.md §9)', () => {
  it('a quick-reply tap answers with its payload and keeps the tapped title as the text', () => {
    const [event] = parse(f.quickReplyItem);
    expect(event).toMatchObject({ kind: 'message', body: 'Sudah selesai', author: 'customer', answer: { choiceId: 'CSAT_RESOLVED', inReplyToExternalId: null }, context: { quickReply: 'CSAT_RESOLVED' } });
  });

  it('a tap that also names our message with reply_to.mid answers in reply to it', () => {
    const item = { ...f.quickReplyItem, message: { ...f.quickReplyItem.message, text: '⭐⭐⭐⭐⭐ Sangat puas', quick_reply: { payload: 'rate:12:5' }, reply_to: { mid: f.mids.sent } } };
    expect(parse(item)[0]).toMatchObject({ body: '⭐⭐⭐⭐⭐ Sangat puas', replyToExternalId: f.mids.sent, answer: { choiceId: 'rate:12:5', inReplyToExternalId: f.mids.sent } });
  });

  it('a typed "lima" carries no answer: ingest matches typed answers itself', () => {
    const item = { ...f.inlineReplyItem, message: { ...f.inlineReplyItem.message, text: 'lima' } };
    expect(parse(item)[0]).not.toHaveProperty('answer');
  });

  it('the echo of a message with quick replies is never the customer answering', () => {
    const echo = { ...f.echoItem, message: { ...f.echoItem.message, quick_reply: { payload: 'rate:12:1' } } };
    const [event] = parse(echo);
    expect(event).toMatchObject({ author: 'business_app' });
    expect(event).not.toHaveProperty('answer');
  });
});
