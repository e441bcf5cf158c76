import { describe, expect, it } from 'vitest';
import type { MessageChoices, OutboundMessage } from '@keluh/core';
import { WhatsappGraphClient } from './whatsapp.client.ts';
import { fakeFetch, type ScriptedAnswer } from './whatsapp.fake-fetch.ts';
import { sendWhatsappMessage } from './whatsapp.send.ts';

const settings = { appSecret: 's', verifyToken: 'v', accessToken: 'token-123', phoneNumberId: '118220045566779', graphBaseUrl: 'http://meta.test/' };
const accepted: ScriptedAnswer = { json: { messaging_product: 'whatsapp', contacts: [{ input: '+6281234567890', wa_id: '6281234567890' }], messages: [{ id: 'wamid.RATING1' }] } };
const titles = ['⭐ Sangat kecewa', '⭐⭐ Kecewa', '⭐⭐⭐ Biasa saja', '⭐⭐⭐⭐ Puas', '⭐⭐⭐⭐⭐ Sangat puas'];
const rating: MessageChoices = { purpose: 'rating', reviewId: 12, button: 'Beri nilai', options: titles.map((title, i) => ({ id: `rate:12:${i + 1}`, title })) };
const consent: MessageChoices = { purpose: 'consent', reviewId: 12, options: [{ id: 'consent:12:yes', title: 'Boleh' }, { id: 'consent:12:no', title: 'Jangan' }] };
const question = (choices: MessageChoices, overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  messageId: 77, ticketId: 7, channel: 'whatsapp', recipientExternalId: '6281234567890', recipientPhone: '+6281234567890',
  body: 'Bagaimana penilaian Kakak atas penanganan keluhan ini?', choices, correlationId: 'hd-msg-77', ...overrides,
});

function send(out: OutboundMessage, answer: ScriptedAnswer = accepted) {
  const fake = fakeFetch(answer);
  return { fake, result: sendWhatsappMessage(new WhatsappGraphClient(settings, { fetch: fake.fetch }), out) };
}

describe('asking a WhatsApp customer a structured question (channels.md §9)', () => {
  it('a rating request goes as an interactive list of five rows in one section, with its button text', async () => {
    const { fake, result } = send(question(rating));
    await expect(result).resolves.toEqual({ externalMessageId: 'wamid.RATING1' });
    expect(fake.requests[0]?.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+6281234567890',
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Bagaimana penilaian Kakak atas penanganan keluhan ini?' },
        action: { button: 'Beri nilai', sections: [{ rows: titles.map((title, i) => ({ id: `rate:12:${i + 1}`, title })) }] },
      },
      biz_opaque_callback_data: 'hd-msg-77',
    });
  });

  it('a list without a button text gets a bilingual default, and row descriptions are kept', async () => {
    const described = { ...rating, button: undefined, options: [{ id: 'rate:12:5', title: 'Sangat puas', description: 'Semua beres' }] } as MessageChoices;
    const { fake, result } = send(question(described));
    await result;
    expect(fake.requests[0]?.json).toMatchObject({ interactive: { action: { button: 'Pilih / Choose', sections: [{ rows: [{ id: 'rate:12:5', title: 'Sangat puas', description: 'Semua beres' }] }] } } });
  });

  it('a consent question goes as reply buttons carrying our option ids', async () => {
    const { fake, result } = send(question(consent, { body: 'Boleh kami tampilkan ulasan Kakak sebagai testimoni?' }));
    await result;
    expect(fake.requests[0]?.json).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Boleh kami tampilkan ulasan Kakak sebagai testimoni?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'consent:12:yes', title: 'Boleh' } }, { type: 'reply', reply: { id: 'consent:12:no', title: 'Jangan' } }] },
      },
    });
    expect(fake.requests[0]?.json).not.toHaveProperty('text');
  });

  it('four consent buttons are refused with a coded error before Meta is called', async () => {
    const four = { ...consent, options: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })) };
    const { fake, result } = send(question(four));
    await expect(result).rejects.toMatchObject({ name: 'ChannelSendError', code: 'channel.choices_unfit', retryable: false });
    expect(fake.requests).toHaveLength(0);
  });

  it('a row title over 24 characters is refused before Meta is called', async () => {
    const long = { ...rating, options: [{ id: 'rate:12:5', title: '⭐⭐⭐⭐⭐ Sangat puas sekali kak' }] };
    const { fake, result } = send(question(long));
    await expect(result).rejects.toThrow(/choices\.options\.0\.title: At most 24 characters/);
    expect(fake.requests).toHaveLength(0);
  });

  it('outside the 24-hour window the question is refused like free text: channel.window_closed, no retry', async () => {
    const closed = { error: { message: '(#131047) Re-engagement message', type: 'OAuthException', code: 131047, error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' }, fbtrace_id: 'A1' } };
    await expect(send(question(rating), { status: 400, json: closed }).result).rejects.toMatchObject({ code: 'channel.window_closed', retryable: false });
  });

  it('a template send ignores the choices: templates carry their own buttons', async () => {
    const { fake, result } = send(question(rating, { template: { name: 'complaint_followup_v2', language: 'id', parameters: [] } }));
    await result;
    expect(fake.requests[0]?.json).toMatchObject({ type: 'template' });
    expect(fake.requests[0]?.json).not.toHaveProperty('interactive');
  });
});
