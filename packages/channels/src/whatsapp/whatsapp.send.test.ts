import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '@keluh/core';
import { WhatsappGraphClient } from './whatsapp.client.ts';
import { fakeFetch, type ScriptedAnswer } from './whatsapp.fake-fetch.ts';
import { sendWhatsappMessage } from './whatsapp.send.ts';

const settings = { appSecret: 's', verifyToken: 'v', accessToken: 'token-123', phoneNumberId: '118220045566779', graphBaseUrl: 'http://meta.test/' };
const accepted: ScriptedAnswer = {
  json: { messaging_product: 'whatsapp', contacts: [{ input: '+6281234567890', wa_id: '6281234567890' }], messages: [{ id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjAwQTFCMkMzRDRFNUY2MDcA' }] },
};
const message = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  messageId: 41,
  ticketId: 7,
  channel: 'whatsapp',
  recipientExternalId: '6281234567890',
  recipientPhone: '+62 812-3456-7890',
  body: 'Mohon maaf atas kerusakannya, Kak Rina. Kami proses penggantian hari ini.',
  ...overrides,
});

function send(out: OutboundMessage, answer: ScriptedAnswer = accepted) {
  const fake = fakeFetch(answer);
  return { fake, result: sendWhatsappMessage(new WhatsappGraphClient(settings, { fetch: fake.fetch }), out) };
}

describe('sending on WhatsApp (channels.md §2.6)', () => {
  it('case 38: a quoted text reply is posted exactly as §2.6 shows, and the wamid is returned', async () => {
    const { fake, result } = send(message({ replyToExternalId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA5OTg4Nzc2NjU1NDQzMzIyMTEA', correlationId: 'hd-msg-01JH8Q3V9D2X' }));
    await expect(result).resolves.toEqual({ externalMessageId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjAwQTFCMkMzRDRFNUY2MDcA' });
    const [request] = fake.requests;
    expect(request?.url).toBe('http://meta.test/v23.0/118220045566779/messages');
    expect(request?.method).toBe('POST');
    expect(request?.headers).toMatchObject({ authorization: 'Bearer token-123', 'content-type': 'application/json' });
    expect(JSON.stringify(request?.json)).toBe(
      JSON.stringify({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '+6281234567890',
        context: { message_id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA5OTg4Nzc2NjU1NDQzMzIyMTEA' },
        type: 'text',
        text: { preview_url: false, body: 'Mohon maaf atas kerusakannya, Kak Rina. Kami proses penggantian hari ini.' },
        biz_opaque_callback_data: 'hd-msg-01JH8Q3V9D2X',
      }),
    );
  });

  it('case 41: a template is sent with its language code and body parameters, never with a quote', async () => {
    const out = message({ recipientPhone: null, recipientExternalId: '6285700011122', replyToExternalId: 'wamid.q', template: { name: 'complaint_followup_v2', language: 'id', parameters: ['Budi', 'TKT-20431'] } });
    const { fake, result } = send(out);
    await result;
    expect(fake.requests[0]?.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+6285700011122',
      type: 'template',
      template: {
        name: 'complaint_followup_v2',
        language: { code: 'id' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Budi' }, { type: 'text', text: 'TKT-20431' }] }],
      },
    });
  });

  it('case 30: a customer known only by business-scoped id is addressed with `recipient`, not `to`', async () => {
    const { fake, result } = send(message({ recipientPhone: null, recipientExternalId: 'ID.58219AbCdEf0123456789' }));
    await result;
    expect(fake.requests[0]?.json).toMatchObject({ recipient: 'ID.58219AbCdEf0123456789' });
    expect(fake.requests[0]?.json).not.toHaveProperty('to');
  });

  it('refuses a text over 4,096 characters without calling Meta', async () => {
    const { fake, result } = send(message({ body: 'x'.repeat(4097) }));
    await expect(result).rejects.toMatchObject({ name: 'ChannelSendError', code: 'channel.text_too_long', retryable: false });
    expect(fake.requests).toHaveLength(0);
  });

  it('accepts a text of exactly 4,096 characters', async () => {
    await expect(send(message({ body: 'x'.repeat(4096) })).result).resolves.toHaveProperty('externalMessageId');
  });

  it('retries when Meta cannot be reached at all', async () => {
    await expect(send(message(), new TypeError('fetch failed')).result).rejects.toMatchObject({ code: 'channel.network_error', retryable: true });
  });

  it('does not retry a 200 without a message id, since Meta may have accepted it', async () => {
    await expect(send(message(), { json: { messaging_product: 'whatsapp' } }).result).rejects.toMatchObject({ code: 'whatsapp.unexpected_response', retryable: false });
  });
});
