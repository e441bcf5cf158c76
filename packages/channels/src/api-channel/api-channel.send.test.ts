import { describe, expect, it } from 'vitest';
import { ChannelSendError, type OutboundMessage } from '@keluh/core';
import { ApiChannelAdapter } from './api-channel.adapter.ts';
import { fakeFetch, type ScriptedAnswer } from './api-channel.fake-fetch.ts';
import { isValidApiChannelSignature } from './api-channel.signature.ts';

const target = { id: 3, secret: 's3cret', webhookUrl: 'https://bridge.example/keluh' };
const now = '2026-11-24T08:00:00.000Z';
const outbound: OutboundMessage = { messageId: 42, ticketId: 9, channel: 'api', recipientExternalId: '3:chat:77', body: 'Mohon maaf, kami cek' };

function setup(...answers: ScriptedAnswer[]) {
  const fetch = fakeFetch(...answers);
  const adapter = new ApiChannelAdapter(async (id) => (id === target.id ? target : null), { fetch, now: () => now });
  return { fetch, adapter };
}

async function failure(promise: Promise<unknown>): Promise<ChannelSendError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ChannelSendError);
  return error as ChannelSendError;
}

describe('API channel replies', () => {
  it("POSTs the reply to the integrator's URL, signed over the exact bytes, with a stable delivery id", async () => {
    const { fetch, adapter } = setup({ status: 204 });
    const receipt = await adapter.send(outbound);
    expect(receipt).toEqual({ externalMessageId: '3:keluh-msg-42' });
    const [call] = fetch.calls;
    expect(call?.url).toBe(target.webhookUrl);
    expect(JSON.parse(call!.body)).toEqual({ type: 'message', id: 'keluh-msg-42', channelId: 3, ticketId: 9, recipient: { id: 'chat:77' }, text: outbound.body, sentAt: now });
    expect(call?.headers).toMatchObject({ 'content-type': 'application/json', 'x-keluh-delivery': 'keluh-msg-42' });
    expect(isValidApiChannelSignature(Buffer.from(call!.body), call?.headers['x-keluh-signature'], target.secret)).toBe(true);
  });

  it('keeps the delivery id across a retry so the integrator can deduplicate', async () => {
    const { fetch, adapter } = setup({ status: 503 }, { status: 200 });
    await failure(adapter.send(outbound));
    await adapter.send(outbound);
    expect(fetch.calls.map((call) => call.headers['x-keluh-delivery'])).toEqual(['keluh-msg-42', 'keluh-msg-42']);
  });

  it.each([
    ['a 500', { status: 500 }],
    ['a 408', { status: 408 }],
    ['a network error', new TypeError('fetch failed')],
    ['a timeout', Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' })],
  ])('retries after %s', async (_label, answer) => {
    const error = await failure(setup(answer).adapter.send(outbound));
    expect(error.retryable).toBe(true);
  });

  it('waits as long as a 429 asks, in seconds or as a date', async () => {
    expect((await failure(setup({ status: 429, headers: { 'retry-after': '30' } }).adapter.send(outbound))).retryAfterMs).toBe(30_000);
    const date = new Date(Date.now() + 60_000).toUTCString();
    const byDate = await failure(setup({ status: 429, headers: { 'retry-after': date } }).adapter.send(outbound));
    expect(byDate.retryAfterMs).toBeGreaterThan(50_000);
    expect(byDate.code).toBe('api_channel.unavailable');
  });

  it('gives up on a 4xx with the status and what the integrator said', async () => {
    const error = await failure(setup({ status: 400, text: 'unknown chat' }).adapter.send(outbound));
    expect(error).toMatchObject({ code: 'api_channel.rejected', retryable: false, message: "The integrator's webhook answered 400: unknown chat" });
  });

  it('treats a redirect as a refusal rather than re-sending the signed body elsewhere', async () => {
    const error = await failure(setup({ status: 302, headers: { location: 'https://elsewhere.example' } }).adapter.send(outbound));
    expect(error).toMatchObject({ code: 'api_channel.rejected', retryable: false });
  });

  it('fails for good, without calling out, when the API channel was deleted or the id is not scoped', async () => {
    const { fetch, adapter } = setup({ status: 200 });
    for (const recipientExternalId of ['8:chat-77', 'chat-77']) {
      expect(await failure(adapter.send({ ...outbound, recipientExternalId }))).toMatchObject({ code: 'api_channel.not_found', retryable: false });
    }
    expect(fetch.calls).toEqual([]);
  });
});
