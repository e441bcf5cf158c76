import { describe, expect, it } from 'vitest';
import { business, messagesValue, waBody, type Json } from './whatsapp.fixtures.ts';
import { rateLimitValue } from './whatsapp.fixtures.status.ts';
import { parseWhatsappWebhook, whatsappWebhookErrors } from './whatsapp.webhook.ts';

const parse = (body: unknown) => parseWhatsappWebhook(body, business);

let serial = 0;
const text = (from: string): Json => ({ from, id: `wamid.BATCH${++serial}`, timestamp: String(1767225600 + serial), type: 'text', text: { body: `pesan ${serial}` } });
const status = (state: string): Json => ({ id: `wamid.OURS${++serial}`, status: state, timestamp: String(1767225600 + serial), recipient_id: '6281234567890' });
const change = (from: string): { value: Json } => ({
  value: messagesValue({
    contacts: [{ profile: { name: `Pelanggan ${from}` }, wa_id: from }],
    messages: [text(from), text(from), text(from)],
    statuses: [status('sent'), status('delivered')],
  }),
});

describe('WhatsApp webhooks: envelopes, batches and routing (channels.md §1.3, §2.3)', () => {
  it('case 13: 3 entries × 2 changes × 3 messages and 2 statuses yield all 30 events, none dropped', () => {
    const body = waBody([
      [change('6281000000001'), change('6281000000002')],
      [change('6281000000003'), change('6281000000004')],
      [change('6281000000005'), change('6281000000006')],
    ]);
    const events = parse(body);
    expect(events.filter((event) => event.kind === 'message')).toHaveLength(18);
    expect(events.filter((event) => event.kind === 'status')).toHaveLength(12);
    const senders = new Set(events.flatMap((event) => (event.kind === 'message' ? [event.sender.externalId] : [])));
    expect(senders.size).toBe(6);
  });

  it('case 10: a redelivery of the same body yields the same idempotency keys', () => {
    const body = waBody([[change('6281000000001')]]);
    const ids = (events: ReturnType<typeof parse>) => events.map((event) => (event.kind === 'message' || event.kind === 'status' ? event.externalMessageId : ''));
    expect(ids(parse(body))).toEqual(ids(parse(structuredClone(body))));
  });

  it('case 21: unknown fields such as account_update and template status changes are ignored, not refused', () => {
    const body = waBody([[
      { field: 'account_update', value: { phone_number: '6281100020003', event: 'VERIFIED_ACCOUNT' } },
      { field: 'message_template_status_update', value: { event: 'APPROVED', message_template_id: 1 } },
      change('6281000000001'),
    ]]);
    expect(parse(body).filter((event) => event.kind === 'message')).toHaveLength(3);
    expect(parse(waBody([[{ field: 'history', value: {} }]]))).toEqual([]);
  });

  it('skips changes for another business number on the same app, routing by phone_number_id', () => {
    const other = { value: messagesValue({ messages: [text('6281000000009')] }, '999999999999999') };
    const events = parse(waBody([[other, change('6281000000001')]]));
    expect(events.filter((event) => event.kind === 'message').map((event) => event.kind === 'message' && event.sender.externalId)).toEqual(
      Array(3).fill('6281000000001'),
    );
  });

  it.each([
    ['an Instagram body', { object: 'instagram', entry: [] }],
    ['a body that is not an object', 'hello'],
    ['an entry list that is not a list', { object: 'whatsapp_business_account', entry: {} }],
    ['an entry without changes', { object: 'whatsapp_business_account', entry: [{ id: '1' }] }],
    ['a change without a value', { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages' }] }] }],
    ['a messages change without metadata', waBody([[{ value: { messaging_product: 'whatsapp', messages: [] } }]])],
    ['a message without an id', waBody([[{ value: messagesValue({ messages: [{ from: '62811', timestamp: '1767225600', type: 'text', text: { body: 'x' } }] }) }]])],
    ['a message without any user id', waBody([[{ value: messagesValue({ messages: [{ id: 'wamid.X', timestamp: '1767225600', type: 'text', text: { body: 'x' } }] }) }]])],
  ])('refuses %s as webhook.invalid_payload', (_label, body) => {
    expect(() => parse(body)).toThrow(expect.objectContaining({ name: 'AppError', code: 'webhook.invalid_payload' }));
  });

  it('case 42: a value-level rate-limit error yields no event but is listed for the log (§2.3.7)', () => {
    const body = waBody([[{ value: rateLimitValue }]]);
    expect(parse(body)).toEqual([]);
    expect(whatsappWebhookErrors(body)).toEqual([
      { code: 130429, title: 'Rate limit hit', details: 'Too many messages were sent from this number in a short time.', phoneNumberId: business.phoneNumberId },
    ]);
  });

  it('never throws while listing errors, whatever arrived', () => {
    expect(whatsappWebhookErrors(null)).toEqual([]);
    expect(whatsappWebhookErrors({ entry: [{ changes: 'x' }] })).toEqual([]);
  });
});
