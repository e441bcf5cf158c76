import { describe, expect, it } from 'vitest';
import { business, buttonItem, fromRina, imageQuotingUs, incomingTextRaw, listReplyAndVoiceNote, locationItem, reactionItem, systemItem, unsupportedItem } from './whatsapp.fixtures.ts';
import { echoText, readStatusRaw, sentAndFailed } from './whatsapp.fixtures.status.ts';
import { parseWhatsappWebhook } from './whatsapp.webhook.ts';

const parse = (body: unknown) => parseWhatsappWebhook(body, business);
const rina = { externalId: '6281234567890', displayName: 'Rina Wulandari', phone: '+6281234567890', verified: true };

describe('WhatsApp webhooks: the example payloads of channels.md §2.3', () => {
  it('case 24: a customer text becomes one message from Rina, timed by WhatsApp (§2.3.1)', () => {
    expect(parse(JSON.parse(incomingTextRaw))).toEqual([
      {
        kind: 'message',
        channel: 'whatsapp',
        externalMessageId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjAxQTJCM0M0RDVFNkY3QTg5MEIA',
        sender: rina,
        body: 'Paket saya belum sampai, sudah 5 hari.',
        sentAt: '2026-01-01T00:00:00.000Z',
        replyToExternalId: null,
        author: 'customer',
        placeholder: null,
      },
    ]);
  });

  it('case 24/25: a captioned photo quoting our message keeps the quote and the media id to fetch (§2.3.2)', () => {
    const [event] = parse(imageQuotingUs);
    expect(event).toMatchObject({
      kind: 'message',
      body: 'Ini foto kardusnya, penyok',
      replyToExternalId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjAwQTFCMkMzRDRFNUY2MDcA',
      attachments: [
        { kind: 'image', externalRef: '2790415566331207', mimeType: 'image/jpeg', sha256: 'q3Jx0mN1b2FtZXRvbG9yZW1pcHN1bWRvbG9yc2l0YW0=', caption: 'Ini foto kardusnya, penyok', filename: null },
      ],
    });
  });

  it('case 26: a list reply and a voice note in one POST become two messages, in order (§2.3.3)', () => {
    const events = parse(listReplyAndVoiceNote);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      body: 'Refund',
      sender: { externalId: '6285700011122', displayName: 'Budi S.', phone: '+6285700011122' },
      replyToExternalId: 'wamid.HBgNNjI4NTcwMDAxMTEyMhUCABEYEkFBQkJDQ0RERUVGRjExMjIA',
      context: { interactive: { type: 'list_reply', id: 'cat_refund', title: 'Refund', description: 'Barang rusak / salah kirim' } },
    });
    expect(events[1]).toMatchObject({
      body: '',
      attachments: [{ kind: 'audio', externalRef: '1188374655021934', mimeType: 'audio/ogg; codecs=opus', data: { voice: true } }],
    });
  });

  it('case 27: a reaction is not a message but a reaction on the message it targets (§2.3.4)', () => {
    expect(parse(fromRina(reactionItem))).toEqual([
      { kind: 'reaction', channel: 'whatsapp', targetExternalId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjAwQTFCMkMzRDRFNUY2MDcA', senderExternalId: '6281234567890', emoji: '🙏', at: '2026-01-01T00:08:20.000Z' },
    ]);
  });

  it('case 26: a template quick-reply tap keeps its payload for the CSAT automation (§2.3.4)', () => {
    expect(parse(fromRina(buttonItem))[0]).toMatchObject({
      body: 'Sudah selesai',
      replyToExternalId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYElRFTVBMQVRFMDAwMDAwMDEA',
      context: { button: { payload: 'CSAT_RESOLVED_YES', text: 'Sudah selesai' } },
    });
  });

  it('case 27: a shared location reads as a place and keeps its coordinates (§2.3.4)', () => {
    expect(parse(fromRina(locationItem))[0]).toMatchObject({
      body: '📍 Gudang Cakung — Jl. Raya Cakung No. 9, Jakarta (-6.2261, 106.8027)',
      attachments: [{ kind: 'location', externalRef: null, data: { latitude: -6.2261, longitude: 106.8027, name: 'Gudang Cakung', address: 'Jl. Raya Cakung No. 9, Jakarta' } }],
    });
  });

  it('case 28: a number change re-keys the customer from the old number to the new one (§2.3.4)', () => {
    expect(parse(fromRina(systemItem))).toEqual([
      { kind: 'identity_change', channel: 'whatsapp', previousExternalId: '6281234567890', externalId: '6281399988877', phone: '+6281399988877', at: '2026-01-01T00:09:50.000Z' },
    ]);
  });

  it('case 29: a poll we cannot show still appears as an "unsupported" entry with an empty body (§2.3.5)', () => {
    expect(parse(fromRina(unsupportedItem))[0]).toMatchObject({
      kind: 'message',
      body: '',
      placeholder: 'unsupported',
      context: { unsupported: { type: 'poll_creation', errors: [{ code: 131051, title: 'Message type unknown', details: 'This kind of message cannot be received through the API yet.' }] } },
    });
  });

  it('case 16: a read status marks our message read (§2.3.6)', () => {
    expect(parse(JSON.parse(readStatusRaw))).toEqual([
      {
        kind: 'status',
        channel: 'whatsapp',
        externalMessageId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjk5QUJDREVGMDEyMzQ1Njc4OQA=',
        status: 'read',
        at: '2026-01-01T00:10:00.000Z',
        recipientExternalIds: ['6281234567890'],
      },
    ]);
  });

  it('case 38: a status hands back our correlation id and the recipient, so a send we never recorded still finds its message (§2.3.6)', () => {
    const [sent, failed] = parse(sentAndFailed);
    expect(sent).toMatchObject({ correlationId: 'hd-msg-01JH8Q3V9D2X', recipientExternalIds: ['6281234567890'] });
    expect(failed).not.toHaveProperty('correlationId');
  });

  it('case 39: a failed status outside the window carries the code and Meta\'s details as the reason (§2.3.6)', () => {
    const [sent, failed] = parse(sentAndFailed);
    expect(sent).toMatchObject({ kind: 'status', status: 'sent', externalMessageId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjAwQTFCMkMzRDRFNUY2MDcA' });
    expect(sent).not.toHaveProperty('error');
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'channel.window_closed', reason: 'Not sent: the customer last wrote to this number more than 24 hours ago.' },
    });
  });

  it('case 37: a text typed in the WhatsApp Business app is stored as outgoing to the customer (§2.3.9)', () => {
    expect(parse(echoText)).toEqual([
      {
        kind: 'message',
        channel: 'whatsapp',
        externalMessageId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEkVDSE9GUk9NUEhPTkUwMDAxAA==',
        sender: { externalId: '6281234567890', displayName: null, phone: '+6281234567890', verified: true },
        body: 'Kak, resinya sudah kami kirim ulang ya.',
        sentAt: '2026-01-01T00:23:20.000Z',
        replyToExternalId: null,
        author: 'business_app',
        placeholder: null,
      },
    ]);
  });
});

describe('WhatsApp webhooks: signed, but with fields of the wrong type (found by the API fuzzer)', () => {
  const text = JSON.parse(incomingTextRaw) as { entry: [{ changes: [{ value: { messages: Record<string, unknown>[] } }] }] };
  const withMessage = (change: (message: Record<string, unknown>) => void) => {
    const body = structuredClone(text);
    change(body.entry[0].changes[0].value.messages[0]!);
    return body;
  };

  it.each([
    ['an object', { __proto__: null, object: '' }],
    ['a number', 42],
    ['a list', ['Paket']],
  ])('takes a text body that is %s as an empty message instead of passing it on as text', (_label, value) => {
    const [event] = parse(withMessage((message) => (message.text = { body: value })));
    expect(event).toMatchObject({ kind: 'message', body: '' });
  });

  it('takes a template button whose text is not a string as an empty message', () => {
    const [event] = parse(fromRina({ ...buttonItem, button: { text: { nested: true }, payload: 'CSAT_RESOLVED_YES' } }));
    expect(event).toMatchObject({ kind: 'message', body: '', context: { button: { text: null, payload: 'CSAT_RESOLVED_YES' } } });
  });

  it('reads an order whose quantity or price cannot be printed as one of each, without a total', () => {
    const order = { catalog_id: 'cat-1', product_items: [{ product_retailer_id: 'sku-1', quantity: [{ toString: 0 }], item_price: { valueOf: 0 }, currency: 'IDR' }] };
    const [event] = parse(withMessage((message) => Object.assign(message, { type: 'order', order })));
    expect(event).toMatchObject({ kind: 'message', body: '🛒 Order: 1 × sku-1' });
  });

  it('refuses a timestamp past the last instant a Date can hold as webhook.invalid_payload, instead of throwing a RangeError', () => {
    expect(() => parse(withMessage((message) => (message.timestamp = '8640000000001')))).toThrow(expect.objectContaining({ code: 'webhook.invalid_payload' }));
  });
});
