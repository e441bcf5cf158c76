import { describe, expect, it } from 'vitest';
import * as f from './instagram.fixtures.ts';
import { parseInstagramWebhook } from './instagram.webhook.ts';

const settings = { accountId: f.ACCOUNT_ID };
const parse = (body: unknown) => parseInstagramWebhook(body, settings);
const one = (item: unknown) => parse(f.envelope([item]));
const customer = { externalId: f.IGSID };

describe('Instagram webhook: customer messages (case 31)', () => {
  it('reads the §3.3.1 text with its café and emoji, keyed by mid and ordered by the ms timestamp', () => {
    expect(parse(JSON.parse(f.textWebhookRaw))).toEqual([
      {
        kind: 'message', channel: 'instagram', externalMessageId: f.mids.text, sender: customer, body: 'Kopi di café kalian basi 😞',
        sentAt: '2026-01-01T00:00:00.987Z', author: 'customer', replyToExternalId: null, placeholder: null,
      },
    ]);
  });

  it('keeps the story a customer replied to, so the agent sees which promo they mean', () => {
    const [event] = one(f.storyReplyItem);
    expect(event).toMatchObject({ kind: 'message', body: 'Promo ini masih berlaku?', context: { story: f.storyReplyItem.message.reply_to.story } });
  });

  it('turns a story mention into a story attachment pointing at the CDN URL', () => {
    const [event] = one(f.storyMentionItem);
    expect(event).toMatchObject({ kind: 'message', body: '', placeholder: null, attachments: [{ kind: 'story', externalRef: f.storyMentionItem.message.attachments[0]?.payload.url, data: { instagramType: 'story_mention' } }] });
  });

  it('turns an image into an image attachment to download on receipt', () => {
    expect(one(f.imageItem)[0]).toMatchObject({ attachments: [{ kind: 'image', externalRef: f.imageItem.message.attachments[0]?.payload.url }] });
  });

  it.each([
    ['audio', 'audio'], ['video', 'video'], ['file', 'document'], ['story', 'story'], ['ig_story', 'story'],
    ['share', 'share'], ['ig_post', 'share'], ['ig_reel', 'share'], ['reel', 'share'], ['media', 'share'], ['hologram', 'unsupported'],
  ])('maps a %s attachment to kind %s', (type, kind) => {
    const item = { ...f.imageItem, message: { mid: 'mid-a', attachments: [{ type, payload: { url: 'https://lookaside.fbsbx.com/x' } }] } };
    expect(one(item)[0]).toMatchObject({ attachments: [{ kind, data: { instagramType: type } }] });
  });

  it('keeps a shared reel as a link with its title and id', () => {
    expect(one(f.reelShareItem)[0]).toMatchObject({ attachments: [{ kind: 'share', caption: 'Unboxing', data: { instagramType: 'ig_reel', id: '18000000000000001' } }] });
  });

  it('links an inline reply to the message it answers', () => {
    expect(one(f.inlineReplyItem)[0]).toMatchObject({ body: 'Yang ini kak', replyToExternalId: f.mids.echo });
  });

  it('keeps the quick-reply payload so a CSAT tap can be recognised', () => {
    expect(one(f.quickReplyItem)[0]).toMatchObject({ body: 'Sudah selesai', context: { quickReply: 'CSAT_RESOLVED' } });
  });

  it('keeps which ad brought the customer in', () => {
    expect(one(f.adReferralItem)[0]).toMatchObject({
      context: { referral: { source: 'ADS', type: 'OPEN_THREAD', ref: 'promo-nov', adId: '120210000000001', adTitle: 'Promo November', photoUrl: 'https://scontent.example.test/ad.jpg' } },
    });
  });

  it('shows an ice-breaker tap as what the customer tapped, with its payload', () => {
    expect(one(f.postbackItem)).toEqual([
      {
        kind: 'message', channel: 'instagram', externalMessageId: f.postbackItem.postback.mid, sender: customer, body: 'Lacak pesanan',
        sentAt: new Date(f.postbackItem.timestamp).toISOString(), author: 'customer', context: { postback: 'TRACK_ORDER' },
      },
    ]);
  });

  it('records nothing for an ig.me referral on its own: the customer has not written anything', () => {
    expect(one(f.igmeReferralItem)).toEqual([]);
  });
});

describe('Instagram webhook: changes to the conversation (case 32)', () => {
  it('keeps a placeholder for content Instagram cannot show, so the agent knows the customer wrote', () => {
    expect(one(f.unsupportedItem)[0]).toMatchObject({ kind: 'message', body: '', placeholder: 'unsupported' });
    expect(one(f.unsupportedItem)[0]).not.toHaveProperty('attachments');
  });

  it('flags an unsent message as deleted', () => {
    expect(one(f.unsendItem)).toEqual([{ kind: 'delete', channel: 'instagram', targetExternalId: f.mids.image, at: '2026-01-01T00:06:50.222Z' }]);
  });

  it('updates an edited message with its new text and leaves the edit count to the core', () => {
    expect(one(f.editItem)).toEqual([{ kind: 'edit', channel: 'instagram', targetExternalId: f.mids.storyReply, body: 'Promo ini masih berlaku sampai kapan?', at: '2026-01-01T00:07:10.444Z' }]);
  });

  it('records a reaction with its emoji and its removal as null', () => {
    expect(one(f.reactionItem)).toEqual([{ kind: 'reaction', channel: 'instagram', targetExternalId: f.mids.echo, senderExternalId: f.IGSID, emoji: '❤️', at: '2026-01-01T00:06:40.111Z' }]);
    expect(one(f.unreactItem)[0]).toMatchObject({ kind: 'reaction', emoji: null });
  });

  it('marks our message read when the customer saw it (Instagram has no delivery receipts)', () => {
    expect(one(f.seenItem)).toEqual([{ kind: 'status', channel: 'instagram', externalMessageId: f.mids.echo, status: 'read', at: '2026-01-01T00:07:00.333Z' }]);
  });
});

describe('Instagram webhook: signed, but with a timestamp no message can have (found by the API fuzzer)', () => {
  it.each([8_640_000_000_000_001, 1e300])('takes timestamp %s as missing and files the message at the entry time, instead of throwing a RangeError', (timestamp) => {
    expect(one({ ...f.imageItem, timestamp })[0]).toMatchObject({ kind: 'message', sentAt: new Date(1767226100000).toISOString() });
  });
});

describe('Instagram webhook: a postback without its mid, timed by something that is not a timestamp', () => {
  it('keys it by the entry time instead of throwing while printing the timestamp', () => {
    const { mid: _mid, ...postback } = f.postbackItem.postback;
    const [event] = one({ ...f.postbackItem, postback, timestamp: { toString: 0 } });
    expect(event).toMatchObject({ kind: 'message', externalMessageId: `postback:${f.IGSID}:${new Date(1767226100000).toISOString()}`, body: 'Lacak pesanan' });
  });
});
