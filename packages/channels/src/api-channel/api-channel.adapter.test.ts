import { describe, expect, it } from 'vitest';
import { describeChannelAdapterContract } from '../contract/channel-adapter.contract.ts';
import { ApiChannelAdapter } from './api-channel.adapter.ts';
import { fakeFetch } from './api-channel.fake-fetch.ts';
import type { ApiChannelDelivery } from './api-channel.inbound.ts';

const receivedAt = '2026-11-24T08:00:00.000Z';
const target = { id: 3, secret: 's3cret', webhookUrl: 'https://bridge.example/keluh' };
const message = (overrides: Record<string, unknown> = {}) => ({ idempotencyKey: 'tg-1001', sender: { id: 'chat-77', name: 'Sari' }, text: 'Paket saya belum sampai', ...overrides });
const delivery = (body: unknown, apiChannelId = 3): ApiChannelDelivery => ({ apiChannelId, body, receivedAt });
const adapter = () => new ApiChannelAdapter(async (id) => (id === target.id ? target : null), { fetch: fakeFetch({ status: 200 }) });

describeChannelAdapterContract<ApiChannelDelivery>({
  channel: 'api',
  makeAdapter: adapter,
  messageDelivery: () => delivery({ messages: [message()] }),
  invalidDelivery: () => delivery({ messages: [message({ text: '   ' })] }),
  outbound: () => ({ messageId: 7, ticketId: 1, channel: 'api', recipientExternalId: '3:chat-77', body: 'Mohon maaf' }),
});

describe('API channel inbound batches', () => {
  it('scopes sender and idempotency key by the API channel, so two integrations never collide', () => {
    const [a] = adapter().parse(delivery({ messages: [message()] }, 3));
    const [b] = adapter().parse(delivery({ messages: [message()] }, 4));
    expect(a).toMatchObject({ kind: 'message', channel: 'api', externalMessageId: '3:tg-1001', sender: { externalId: '3:chat-77', displayName: 'Sari' } });
    expect(b).toMatchObject({ externalMessageId: '4:tg-1001', sender: { externalId: '4:chat-77' } });
  });

  it("orders by the integrator's time, but never later than when we received it", () => {
    const [past, future, none] = adapter().parse(
      delivery({
        messages: [
          message({ idempotencyKey: 'a', sentAt: '2026-11-24T14:30:00+07:00' }),
          message({ idempotencyKey: 'b', sentAt: '2030-01-01T00:00:00Z' }),
          message({ idempotencyKey: 'c' }),
        ],
      }),
    );
    expect([past, future, none].map((event) => event?.kind === 'message' && event.sentAt)).toEqual(['2026-11-24T07:30:00.000Z', receivedAt, receivedAt]);
  });

  it('turns status callbacks into statuses of the ids our webhooks carried', () => {
    const events = adapter().parse(
      delivery({ statuses: [{ messageId: 'keluh-msg-9', status: 'read' }, { messageId: 'keluh-msg-10', status: 'failed', error: { code: 'blocked', reason: 'User blocked the bot' } }] }),
    );
    expect(events).toEqual([
      { kind: 'status', channel: 'api', externalMessageId: '3:keluh-msg-9', status: 'read', at: receivedAt, error: null },
      { kind: 'status', channel: 'api', externalMessageId: '3:keluh-msg-10', status: 'failed', at: receivedAt, error: { code: 'blocked', reason: 'User blocked the bot' } },
    ]);
  });

  const refusal = (path: string) => expect.objectContaining({ code: 'validation.failed', details: { issues: expect.arrayContaining([expect.objectContaining({ path })]) } });

  // Each bad message sits after a good one: the whole batch is refused, pointing at the bad one.
  it.each([
    ['a blank text', { text: ' \n ' }, 'text'],
    ['a text over 4,096 characters', { text: 'x'.repeat(4097) }, 'text'],
    ['an idempotency key with a space', { idempotencyKey: 'a b' }, 'idempotencyKey'],
    ['an idempotency key over 128 characters', { idempotencyKey: 'k'.repeat(129) }, 'idempotencyKey'],
    ['an idempotency key that looks like one of our outbound ids', { idempotencyKey: 'keluh-msg-5' }, 'idempotencyKey'],
    ['a missing sender', { sender: undefined }, 'sender'],
    ['a sender id with a control character', { sender: { id: 'a\u0000b' } }, 'sender.id'],
    ['a sentAt without a zone', { sentAt: '2026-11-24 08:00' }, 'sentAt'],
    ['an unknown field', { txt: 'typo' }, ''],
  ])('refuses a batch holding a message with %s, with the field path', (_label, overrides, field) => {
    const batch = { messages: [message({ idempotencyKey: 'fine' }), message(overrides)] };
    expect(() => adapter().parse(delivery(batch))).toThrow(refusal(['body.messages.1', field].filter(Boolean).join('.')));
  });

  it.each([
    ['an empty batch', { messages: [] }, 'body.messages'],
    ['a batch over 100 messages', { messages: Array.from({ length: 101 }, (_, i) => message({ idempotencyKey: `k${i}` })) }, 'body.messages'],
    ['a body with neither messages nor statuses', {}, 'body'],
    ['a body that is not an object', ['hello'], 'body'],
    ['an unknown status', { statuses: [{ messageId: 'keluh-msg-1', status: 'seen' }] }, 'body.statuses.0.status'],
  ])('refuses %s', (_label, body, path) => {
    expect(() => adapter().parse(delivery(body))).toThrow(refusal(path));
  });
});
