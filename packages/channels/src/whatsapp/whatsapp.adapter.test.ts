import { describe, expect, it } from 'vitest';
import { describeChannelAdapterContract } from '../contract/channel-adapter.contract.ts';
import { WhatsappAdapter, type WhatsappDelivery } from './whatsapp.adapter.ts';
import { fakeFetch, type ScriptedAnswer } from './whatsapp.fake-fetch.ts';
import { appSecret, business, incomingTextRaw, incomingTextSignature } from './whatsapp.fixtures.ts';
import { readStatusRaw, readStatusSignature } from './whatsapp.fixtures.status.ts';

const settings = { appSecret, verifyToken: 'helpdesk-verify-7f3a', accessToken: 'token-123', phoneNumberId: business.phoneNumberId, graphBaseUrl: 'http://meta.test' };
const adapterAnswering = (...script: ScriptedAnswer[]) => {
  const fake = fakeFetch(...script);
  return { fake, adapter: new WhatsappAdapter(settings, { fetch: fake.fetch }) };
};

describeChannelAdapterContract<WhatsappDelivery>({
  channel: 'whatsapp',
  makeAdapter: () => adapterAnswering({ json: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.SENT0001' }] } }).adapter,
  messageDelivery: () => ({ body: JSON.parse(incomingTextRaw) }),
  invalidDelivery: () => ({ body: { object: 'instagram', entry: [] } }),
  outbound: () => ({ messageId: 7, ticketId: 1, channel: 'whatsapp', recipientExternalId: '6281234567890', recipientPhone: '+6281234567890', body: 'Mohon maaf' }),
});

describe('WhatsApp adapter', () => {
  const { adapter } = adapterAnswering();

  it('case 5: accepts both signature fixtures of channels.md §1.2 over the raw bytes', () => {
    expect(adapter.verifySignature(Buffer.from(incomingTextRaw), incomingTextSignature)).toBe(true);
    expect(adapter.verifySignature(Buffer.from(readStatusRaw), readStatusSignature)).toBe(true);
  });

  it('case 6/7/9: rejects an altered body, a missing header and another channel\'s secret', () => {
    expect(adapter.verifySignature(Buffer.from(incomingTextRaw.replace('5 hari', '6 hari')), incomingTextSignature)).toBe(false);
    expect(adapter.verifySignature(Buffer.from(incomingTextRaw), undefined)).toBe(false);
    const rotated = new WhatsappAdapter({ ...settings, appSecret: 'rotated-secret' });
    expect(rotated.verifySignature(Buffer.from(incomingTextRaw), incomingTextSignature)).toBe(false);
  });

  it('case 1/2/4: answers the handshake only for its own verify token', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.challenge': '1842097655' };
    expect(adapter.answerHandshake({ ...query, 'hub.verify_token': 'helpdesk-verify-7f3a' })).toEqual({ ok: true, challenge: '1842097655' });
    expect(adapter.answerHandshake({ ...query, 'hub.verify_token': 'instagram-token' })).toEqual({ ok: false });
  });

  it('parses a delivery and lists its account-level errors', () => {
    expect(adapter.parse({ body: JSON.parse(incomingTextRaw) })).toHaveLength(1);
    expect(adapter.webhookErrors({ body: JSON.parse(incomingTextRaw) })).toEqual([]);
  });

  it('case 46: marks a customer message read, with the typing indicator when asked', async () => {
    const { fake, adapter: reading } = adapterAnswering({ json: { success: true } });
    await expect(reading.markRead('wamid.IN1', { typing: true })).resolves.toEqual({ ok: true });
    expect(fake.requests[0]?.url).toBe('http://meta.test/v23.0/118220045566779/messages');
    expect(fake.requests[0]?.json).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN1', typing_indicator: { type: 'text' } });
  });

  it('case 46: a failed read receipt is reported, never thrown, so the conversation goes on', async () => {
    const graph = { status: 400, json: { error: { message: '(#100) Invalid parameter', code: 100, error_data: { details: 'message too old' } } } };
    await expect(adapterAnswering(graph).adapter.markRead('wamid.OLD')).resolves.toEqual({ ok: false, reason: 'message too old' });
    await expect(adapterAnswering(new TypeError('fetch failed')).adapter.markRead('wamid.X')).resolves.toEqual({ ok: false, reason: 'fetch failed' });
  });

  it('downloads media through the same client and token', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const { fake, adapter: media } = adapterAnswering({ json: { url: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&hash=1', mime_type: 'audio/ogg' } }, { bytes });
    await expect(media.fetchMedia({ kind: 'audio', externalRef: '1188374655021934' })).resolves.toEqual({ bytes, mimeType: 'audio/ogg' });
    expect(fake.requests[1]?.headers.authorization).toBe('Bearer token-123');
  });

  it('talks to graph.facebook.com v23.0 unless configured otherwise', async () => {
    const fake = fakeFetch({ json: { success: true } });
    await new WhatsappAdapter({ ...settings, graphBaseUrl: undefined }, { fetch: fake.fetch }).markRead('wamid.IN2');
    expect(fake.requests[0]?.url).toBe('https://graph.facebook.com/v23.0/118220045566779/messages');
  });
});
