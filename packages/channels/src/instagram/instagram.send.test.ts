import { describe, expect, it } from 'vitest';
import { ChannelSendError, type OutboundMessage } from '@keluh/core';
import { createGuardedFetch } from '../outbound/guarded-fetch.ts';
import { InstagramAdapter } from './instagram.adapter.ts';
import { fakeFetch, type ScriptedAnswer } from './instagram.fake-fetch.ts';
import * as f from './instagram.fixtures.ts';

const now = '2026-01-10T12:00:00.000Z';
const hoursAgo = (hours: number) => new Date(Date.parse(now) - hours * 3_600_000).toISOString();
const settings = { appSecret: f.APP_SECRET, verifyToken: 'verify', accessToken: 'ig-token', accountId: f.ACCOUNT_ID };

function setup(...answers: ScriptedAnswer[]) {
  const fetch = fakeFetch(...(answers.length > 0 ? answers : [{ json: f.sendResponse }]));
  return { fetch, adapter: new InstagramAdapter(settings, { fetch, now: () => now }) };
}
const outbound = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  messageId: 1, ticketId: 1, channel: 'instagram', recipientExternalId: f.IGSID, body: 'Halo Kak, pesanan #A-7781 sedang kami cek.', lastInboundAt: hoursAgo(2), ...over,
});
async function failure(promise: Promise<unknown>): Promise<ChannelSendError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof ChannelSendError)) throw new Error(`expected a ChannelSendError, got ${String(error)}`);
  return error;
}
const windowError = (subcode: number): ScriptedAnswer => ({ status: 400, json: f.graphErrorBody(10, subcode) });

describe('sending an Instagram reply (case 47)', () => {
  it('fails for good, sending nothing, when the Graph base URL points at a private address', async () => {
    const fetch = createGuardedFetch({ allowHosts: [] });
    const adapter = new InstagramAdapter({ ...settings, graphBaseUrl: 'https://10.0.0.9' }, { fetch, now: () => now });
    const error = await failure(adapter.send(outbound()));
    expect(error).toMatchObject({ code: 'outbound.blocked', retryable: false, message: expect.stringMatching(/private/) });
  });

  it('posts the §3.6 body to the account with the bearer token and stores the returned mid', async () => {
    const { fetch, adapter } = setup();
    await expect(adapter.send(outbound())).resolves.toEqual({ externalMessageId: f.mids.sent });
    expect(fetch.calls).toEqual([
      {
        url: `https://graph.instagram.com/v23.0/${f.ACCOUNT_ID}/messages`, method: 'POST',
        headers: { authorization: 'Bearer ig-token', 'content-type': 'application/json' },
        body: { recipient: { id: f.IGSID }, message: { text: 'Halo Kak, pesanan #A-7781 sedang kami cek.' } },
      },
    ]);
  });

  it('does not send reply_to, which Instagram does not document', async () => {
    const { fetch, adapter } = setup();
    await adapter.send(outbound({ replyToExternalId: f.mids.text }));
    expect(fetch.calls[0]?.body).not.toHaveProperty('reply_to');
  });

  it('tags a reply on day 3 with HUMAN_AGENT', async () => {
    const { fetch, adapter } = setup();
    await adapter.send(outbound({ lastInboundAt: hoursAgo(72) }));
    expect(fetch.calls[0]?.body).toEqual({ recipient: { id: f.IGSID }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: outbound().body } });
  });

  it.each([
    ['after 7 days', hoursAgo(7 * 24 + 1), 'More than 7 days since the customer last wrote on Instagram; they must message you first'],
    ['to a customer who never wrote', null, 'The customer has not written to this account on Instagram; they must message you first'],
  ])('blocks a reply %s without calling Instagram', async (_label, lastInboundAt, reason) => {
    const { fetch, adapter } = setup();
    const error = await failure(adapter.send(outbound({ lastInboundAt })));
    expect({ code: error.code, reason: error.message, retryable: error.retryable }).toEqual({ code: 'channel.window_closed', reason, retryable: false });
    expect(fetch.calls).toHaveLength(0);
  });

  it.each([2534022, 1545041])('retries once with HUMAN_AGENT when Instagram says the window closed (subcode %i) while we thought it open', async (subcode) => {
    const { fetch, adapter } = setup(windowError(subcode), { json: f.sendResponse });
    await expect(adapter.send(outbound({ lastInboundAt: hoursAgo(23.99) }))).resolves.toEqual({ externalMessageId: f.mids.sent });
    expect(fetch.calls.map((call) => (call.body as { tag?: string }).tag)).toEqual([undefined, 'HUMAN_AGENT']);
  });

  it('blocks the reply when Instagram refuses the HUMAN_AGENT retry too, after exactly two calls', async () => {
    const { fetch, adapter } = setup(windowError(2534022));
    expect((await failure(adapter.send(outbound()))).code).toBe('channel.window_closed');
    expect(fetch.calls).toHaveLength(2);
  });

  it('does not retry a HUMAN_AGENT send that Instagram refuses', async () => {
    const { fetch, adapter } = setup(windowError(2534022));
    expect((await failure(adapter.send(outbound({ lastInboundAt: hoursAgo(100) })))).code).toBe('channel.window_closed');
    expect(fetch.calls).toHaveLength(1);
  });

  it('never tags HUMAN_AGENT when it does not know when the customer last wrote', async () => {
    const { fetch, adapter } = setup(windowError(2534022));
    expect((await failure(adapter.send(outbound({ lastInboundAt: undefined })))).code).toBe('channel.window_closed');
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('the 1000-byte text limit (case 48)', () => {
  it('refuses 1001 bytes of multi-byte text before calling Instagram', async () => {
    const { fetch, adapter } = setup();
    const body = '😞'.repeat(250) + 'x'; // 250 emoji × 4 bytes + 1 = 1001 bytes, only 501 UTF-16 units
    const error = await failure(adapter.send(outbound({ body })));
    expect({ code: error.code, retryable: error.retryable }).toEqual({ code: 'channel.text_too_long', retryable: false });
    expect(fetch.calls).toHaveLength(0);
  });

  it('sends exactly 1000 bytes', async () => {
    const { fetch, adapter } = setup();
    await adapter.send(outbound({ body: '😞'.repeat(250) }));
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('Instagram send errors (cases 45, 49)', () => {
  it.each([
    ['an expired token (190)', { status: 401, json: f.graphErrorBody(190, undefined, 'Invalid OAuth access token.') }, { code: 'channel.reconnect_needed', retryable: false, pauseChannel: true }],
    ['a customer who blocked us (551)', { status: 400, json: f.graphErrorBody(551, 1545041, "This person isn't available right now.") }, { code: 'instagram.user_unavailable', retryable: false, pauseChannel: false }],
    ['the send rate limit (613)', { status: 400, json: f.graphErrorBody(613, undefined, 'rate') }, { code: 'instagram.rate_limited', retryable: true, retryAfterMs: 10_000 }],
    ['app throttling (4)', { status: 400, json: f.graphErrorBody(4, undefined, 'limit') }, { code: 'instagram.rate_limited', retryable: true, retryAfterMs: 60_000 }],
    ['user throttling (17) with Retry-After', { status: 400, json: f.graphErrorBody(17, undefined, 'limit'), headers: { 'retry-after': '7' } }, { code: 'instagram.rate_limited', retryAfterMs: 7_000 }],
    ['page throttling (32)', { status: 400, json: f.graphErrorBody(32, undefined, 'limit') }, { code: 'instagram.rate_limited', retryable: true }],
    ['a temporary error (2)', { status: 500, json: f.graphErrorBody(2, undefined, 'try later') }, { code: 'instagram.temporary_error', retryable: true }],
    ['an invalid parameter (100)', { status: 400, json: f.graphErrorBody(100, undefined, 'bad') }, { code: 'instagram.invalid_request', retryable: false }],
    ['a missing permission (230)', { status: 403, json: f.graphErrorBody(230, undefined, 'perm') }, { code: 'instagram.permission_missing', retryable: false }],
    ['an unknown server error', { status: 502, json: {} }, { code: 'instagram.send_failed', retryable: true }],
    ['a network failure', new TypeError('fetch failed'), { code: 'instagram.network_error', retryable: true }],
  ] as [string, ScriptedAnswer, Record<string, unknown>][])('handles %s', async (_label, answer, expected) => {
    const { fetch, adapter } = setup(answer);
    const error = await failure(adapter.send(outbound()));
    expect(error).toMatchObject(expected);
    expect(fetch.calls).toHaveLength(1);
  });

  it('tells the agent in plain words that the customer blocked us or is unavailable', async () => {
    const { adapter } = setup({ status: 400, json: f.graphErrorBody(551, undefined, 'x') });
    expect((await failure(adapter.send(outbound()))).message).toMatch(/blocked.*unavailable/);
  });

  it('fails without retrying when Instagram answers 200 with no message id, to avoid a double send', async () => {
    const { adapter } = setup({ json: { recipient_id: f.IGSID } });
    expect(await failure(adapter.send(outbound()))).toMatchObject({ code: 'instagram.invalid_response', retryable: false });
  });
});
