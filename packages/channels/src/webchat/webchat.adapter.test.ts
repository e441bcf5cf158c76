import { describe, expect, it } from 'vitest';
import { describeChannelAdapterContract } from '../contract/channel-adapter.contract.ts';
import { WebchatAdapter, type WebchatDelivery } from './webchat.adapter.ts';

const at = '2026-11-24T08:00:00.000Z';
const visitorId = 'a'.repeat(32);

describeChannelAdapterContract<WebchatDelivery>({
  channel: 'webchat',
  makeAdapter: () => new WebchatAdapter(),
  messageDelivery: () => ({ type: 'message', visitorId, clientMessageId: 'client-0001', body: 'Paket saya belum sampai', receivedAt: at }),
  invalidDelivery: () => ({ type: 'message', visitorId, clientMessageId: 'client-0001', body: '   ', receivedAt: at }),
  outbound: () => ({ messageId: 7, ticketId: 1, channel: 'webchat', recipientExternalId: visitorId, body: 'Mohon maaf' }),
});

describe('web chat adapter', () => {
  const adapter = new WebchatAdapter();

  it('scopes the idempotency key by visitor so two visitors never collide', () => {
    const other = 'b'.repeat(32);
    const [a] = adapter.parse({ type: 'message', visitorId, clientMessageId: 'same-id-01', body: 'hi', receivedAt: at });
    const [b] = adapter.parse({ type: 'message', visitorId: other, clientMessageId: 'same-id-01', body: 'hi', receivedAt: at });
    expect(a?.kind === 'message' && a.externalMessageId).not.toBe(b?.kind === 'message' && b.externalMessageId);
  });

  it('turns a read receipt into status events for our outbound ids', () => {
    const events = adapter.parse({ type: 'receipt', visitorId, messageIds: [3, 4], status: 'read', receivedAt: at });
    expect(events).toEqual([
      { kind: 'status', channel: 'webchat', externalMessageId: 'out-3', status: 'read', at },
      { kind: 'status', channel: 'webchat', externalMessageId: 'out-4', status: 'read', at },
    ]);
  });

  it.each([
    ['an empty body', '', 'message.body_empty'],
    ['a whitespace-only body', ' \n\t ', 'message.body_empty'],
    ['a body over 4,096 characters', 'x'.repeat(4097), 'message.body_too_long'],
    ['a body that is not a string', 42, 'message.body_invalid'],
  ])('refuses %s', (_label, body, code) => {
    expect(() => adapter.parse({ type: 'message', visitorId, clientMessageId: 'client-0002', body, receivedAt: at })).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('refuses a client id that could be used to forge keys', () => {
    expect(() => adapter.parse({ type: 'message', visitorId, clientMessageId: 'a:b', body: 'hi', receivedAt: at })).toThrow(
      expect.objectContaining({ code: 'validation.failed' }),
    );
  });
});

describe('structured questions in web chat', () => {
  const adapter = new WebchatAdapter();
  const rating = { purpose: 'rating' as const, reviewId: 12, options: [1, 2, 3, 4, 5].map((n) => ({ id: `rate:12:${n}`, title: `${n}` })) };
  const ask = { messageId: 8, ticketId: 1, channel: 'webchat' as const, recipientExternalId: visitorId, body: 'Seberapa puas Anda?' };

  it('a rating request is handed to the widget under the id it will acknowledge', async () => {
    await expect(adapter.send({ ...ask, choices: rating })).resolves.toEqual({ externalMessageId: 'out-8' });
  });

  it('a question without options is refused with a coded error', async () => {
    await expect(adapter.send({ ...ask, choices: { ...rating, options: [] } })).rejects.toMatchObject({ code: 'channel.choices_unfit', retryable: false });
  });
});
