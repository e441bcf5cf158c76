import { describe, expect, it } from 'vitest';
import { isAppError } from '@keluh/core';
import * as f from './instagram.fixtures.ts';
import { parseInstagramWebhook } from './instagram.webhook.ts';

const settings = { accountId: f.ACCOUNT_ID };
const parse = (body: unknown) => parseInstagramWebhook(body, settings);
const one = (item: unknown) => parse(f.envelope([item]));
const customer = { externalId: f.IGSID };

describe('Instagram webhook: echoes (cases 34–36)', () => {
  it('keys an echo to the customer and marks it as sent from the business, leaving the mid to the core', () => {
    expect(one(f.echoItem)).toEqual([
      {
        kind: 'message', channel: 'instagram', externalMessageId: f.mids.echo, sender: customer, body: 'Halo Kak, kami cek dulu ya.',
        sentAt: '2026-01-01T00:05:00.001Z', author: 'business_app', replyToExternalId: null, placeholder: null,
      },
    ]);
  });

  it('ignores a test message the account sent to itself', () => {
    expect(one({ ...f.echoItem, message: { ...f.echoItem.message, is_self: true } })).toEqual([]);
  });
});

describe('Instagram webhook: envelopes and batches (cases 13, 21, 23)', () => {
  it('processes every item of every entry, including standby[]', () => {
    const body = {
      object: 'instagram',
      entry: [
        { id: f.ACCOUNT_ID, time: 1, messaging: [f.storyReplyItem, f.storyMentionItem, f.imageItem, f.echoItem] },
        { id: f.ACCOUNT_ID, time: 2, messaging: [f.reactionItem, f.unsendItem, f.seenItem, f.editItem] },
        { id: f.ACCOUNT_ID, time: 3, standby: [f.quickReplyItem] },
      ],
    };
    expect(parse(body).map((event) => event.kind)).toEqual(['message', 'message', 'message', 'message', 'reaction', 'delete', 'status', 'edit', 'message']);
  });

  it('skips entries for another Instagram account on the same app', () => {
    expect(parse(f.envelope([f.imageItem], '17841499999999999'))).toEqual([]);
  });

  it('accepts the dashboard test event in changes[] with seconds as a string, flagged as a test (case 23)', () => {
    expect(parse(f.dashboardTestBody)).toEqual([
      {
        kind: 'message', channel: 'instagram', externalMessageId: 'random_mid', sender: { externalId: '12334' }, body: 'random_text',
        sentAt: '2018-05-27T22:23:44.000Z', author: 'customer', replyToExternalId: null, placeholder: null, context: { dashboardTest: true },
      },
    ]);
  });

  it('takes a changes[] item for our own account and ignores non-message fields', () => {
    const body = { object: 'instagram', entry: [{ id: f.ACCOUNT_ID, time: 1, changes: [{ field: 'comments', value: {} }, { field: 'messages', value: f.imageItem }] }] };
    expect(parse(body)).toHaveLength(1);
  });

  it('ignores unknown event keys and items missing their ids without failing the batch (case 21)', () => {
    const items = [{ sender: { id: f.IGSID }, recipient: { id: f.ACCOUNT_ID }, timestamp: 1, messaging_optins: {} }, { timestamp: 1, message: { mid: 'x', text: 'who?' } }, { ...f.imageItem, message: { text: 'no mid' } }, f.imageItem];
    expect(parse(f.envelope(items))).toHaveLength(1);
  });

  it.each([
    ['a WhatsApp body', { object: 'whatsapp_business_account', entry: [] }],
    ['a body that is not an object', 'hello'],
    ['a body without entry[]', { object: 'instagram' }],
    ['an entry without id', { object: 'instagram', entry: [{ messaging: [] }] }],
    ['messaging that is not a list', { object: 'instagram', entry: [{ id: f.ACCOUNT_ID, messaging: {} }] }],
  ])('refuses %s as an invalid payload', (_label, body) => {
    let caught: unknown;
    try {
      parse(body);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('webhook.invalid_payload');
  });
});
