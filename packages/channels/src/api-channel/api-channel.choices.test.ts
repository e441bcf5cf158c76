import { describe, expect, it } from 'vitest';
import { apiChannelOutboundSchema } from '@keluh/contracts';
import type { MessageChoices, OutboundMessage } from '@keluh/core';
import { ApiChannelAdapter } from './api-channel.adapter.ts';
import { fakeFetch } from './api-channel.fake-fetch.ts';

const target = { id: 3, secret: 's3cret', webhookUrl: 'https://bridge.example/keluh' };
const now = '2026-11-24T08:00:00.000Z';
const consent: MessageChoices = { purpose: 'consent', reviewId: 12, options: [{ id: 'consent:12:yes', title: 'Boleh' }, { id: 'consent:12:no', title: 'Jangan' }] };
const question: OutboundMessage = { messageId: 42, ticketId: 9, channel: 'api', recipientExternalId: '3:chat:77', body: 'Boleh kami tampilkan ulasan Anda? Balas 1 (Boleh) atau 2 (Jangan).', choices: consent };

function setup() {
  const fetch = fakeFetch({ status: 204 });
  return { fetch, adapter: new ApiChannelAdapter(async (id) => (id === target.id ? target : null), { fetch, now: () => now }) };
}

describe('structured questions on the API channel', () => {
  it("the webhook carries the options next to the text, as the documented payload says, without our review id", async () => {
    const { fetch, adapter } = setup();
    await adapter.send(question);
    const payload = JSON.parse(fetch.calls[0]!.body);
    expect(payload.choices).toEqual({ purpose: 'consent', options: [{ id: 'consent:12:yes', title: 'Boleh' }, { id: 'consent:12:no', title: 'Jangan' }] });
    expect(apiChannelOutboundSchema.parse(payload)).toEqual(payload);
  });

  it('a reply without a question carries no choices at all', async () => {
    const { fetch, adapter } = setup();
    await adapter.send({ ...question, choices: null });
    expect(JSON.parse(fetch.calls[0]!.body)).not.toHaveProperty('choices');
  });

  it('a question with two options of the same id is refused without calling the integrator', async () => {
    const { fetch, adapter } = setup();
    const twice = { ...consent, options: [consent.options[0]!, consent.options[0]!] };
    await expect(adapter.send({ ...question, choices: twice })).rejects.toMatchObject({ code: 'channel.choices_unfit', retryable: false });
    expect(fetch.calls).toHaveLength(0);
  });

  it("the integrator's answer names the chosen option and our message, scoped to the channel", () => {
    const { adapter } = setup();
    const [event] = adapter.parse({
      apiChannelId: 3,
      receivedAt: now,
      body: { messages: [{ idempotencyKey: 'tg-1002', sender: { id: 'chat:77' }, text: 'Boleh', choiceId: 'consent:12:yes', inReplyTo: 'keluh-msg-42' }] },
    });
    expect(event).toMatchObject({ kind: 'message', body: 'Boleh', answer: { choiceId: 'consent:12:yes', inReplyToExternalId: '3:keluh-msg-42' } });
  });

  it('a typed answer from the integrator carries no answer', () => {
    const [event] = setup().adapter.parse({ apiChannelId: 3, receivedAt: now, body: { messages: [{ idempotencyKey: 'tg-1003', sender: { id: 'chat:77' }, text: '1' }] } });
    expect(event).not.toHaveProperty('answer');
  });
});
