/**
 * The illustrative payloads of channels.md §3.3.1–§3.3.4, §3.6, §3.7 and §3.8 (invented ids), plus a
 * few items shaped by the §3.3 event table for cases the document shows no example of. Test-only.
 */
export const ACCOUNT_ID = '17841400123456789';
export const IGSID = '1122334455667788';
export const APP_SECRET = 'fake-app-secret-0001';

const base = 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMTIzNDU2Nzg5';
export const mids = {
  text: `${base}OjM0MDI4MjM2NjkyMDkzODQ2MzQ2MzM3NDYwNzQzMTc2ODIxMTQ1NjoyMzUxOTk4MjQ3MDE2NTQ0MDAwAA`,
  storyReply: `${base}OlNUT1JZUkVQTFkwMDAx`,
  storyMention: `${base}OlNUT1JZTUVOVElPTjAx`,
  image: `${base}OklNQUdFMDAwMDAx`,
  echo: `${base}OkVDSE8wMDAwMDAwMQ`,
  sent: `${base}OlNFTlQwMDAwMDAwMQ`,
};

/** §3.3.1 byte for byte (non-ASCII escaped), with its §1.2 signature. */
export const textWebhookRaw = `{"object":"instagram","entry":[{"id":"17841400123456789","time":1767225601234,"messaging":[{"sender":{"id":"1122334455667788"},"recipient":{"id":"17841400123456789"},"timestamp":1767225600987,"message":{"mid":"${mids.text}","text":"Kopi di caf\\u00e9 kalian basi \\ud83d\\ude1e"}}]}]}`;
export const textWebhookSignature = 'sha256=8a9b49102b0760542d4d8362950293819461d854d2c7a0c29f98b7ed8cf00be4';

const cdn = (asset: string, sig: string) => `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${asset}&signature=${sig}`;
const fromCustomer = <E extends object>(timestamp: number, event: E) => ({ sender: { id: IGSID }, recipient: { id: ACCOUNT_ID }, timestamp, ...event });

/** §3.3.2 */
export const storyReplyItem = fromCustomer(1767225800123, {
  message: { mid: mids.storyReply, text: 'Promo ini masih berlaku?', reply_to: { story: { url: cdn('90001234', 'InventedSig'), id: '18034455667788990' } } },
});
export const storyMentionItem = fromCustomer(1767225810456, {
  message: { mid: mids.storyMention, attachments: [{ type: 'story_mention', payload: { url: cdn('90001299', 'InventedSig2') } }] },
});
export const imageItem = fromCustomer(1767225820789, {
  message: { mid: mids.image, attachments: [{ type: 'image', payload: { url: cdn('90001300', 'InventedSig3') } }] },
});
export const echoItem = {
  sender: { id: ACCOUNT_ID },
  recipient: { id: IGSID },
  timestamp: 1767225900001,
  message: { mid: mids.echo, text: 'Halo Kak, kami cek dulu ya.', is_echo: true },
};

/** §3.3.3 */
export const reactionItem = fromCustomer(1767226000111, { reaction: { mid: mids.echo, action: 'react', reaction: 'love', emoji: '\u2764\ufe0f' } });
export const unsendItem = fromCustomer(1767226010222, { message: { mid: mids.image, is_deleted: true } });
export const seenItem = fromCustomer(1767226020333, { read: { mid: mids.echo } });
export const editItem = fromCustomer(1767226030444, {
  message_edit: { mid: mids.storyReply, text: 'Promo ini masih berlaku sampai kapan?', num_edit: 1 },
});

/** §3.3.4: possibly with an empty attachments array [O]. */
export const unsupportedItem = fromCustomer(1767226040555, { message: { mid: `${base}OlVOU1VQUE9SVEVEMDE`, is_unsupported: true, attachments: [] } });

/** Shaped by the §3.3 event table (no example in the document). */
export const unreactItem = fromCustomer(1767226050666, { reaction: { mid: mids.echo, action: 'unreact', reaction: 'love' } });
export const inlineReplyItem = fromCustomer(1767226060777, { message: { mid: `${base}OklOTElORTAx`, text: 'Yang ini kak', reply_to: { mid: mids.echo } } });
export const quickReplyItem = fromCustomer(1767226070888, { message: { mid: `${base}OlFVSUNLMDE`, text: 'Sudah selesai', quick_reply: { payload: 'CSAT_RESOLVED' } } });
export const adReferralItem = fromCustomer(1767226080999, {
  message: {
    mid: `${base}OkFEUkVGMDE`,
    text: 'Mau tanya promo',
    referral: { ref: 'promo-nov', ad_id: '120210000000001', source: 'ADS', type: 'OPEN_THREAD', ads_context_data: { ad_title: 'Promo November', photo_url: 'https://scontent.example.test/ad.jpg' } },
  },
});
export const postbackItem = fromCustomer(1767226091000, { postback: { mid: `${base}OlBPU1RCQUNLMDE`, title: 'Lacak pesanan', payload: 'TRACK_ORDER' } });
export const igmeReferralItem = fromCustomer(1767226092000, { referral: { ref: 'from-bio', source: 'IGME', type: 'OPEN_THREAD' } });
export const reelShareItem = fromCustomer(1767226093000, {
  message: { mid: `${base}OlJFRUwwMQ`, attachments: [{ type: 'ig_reel', payload: { url: cdn('90001400', 'InventedSig4'), title: 'Unboxing', reel_video_id: '18000000000000001' } }] },
});

/** A webhook body around `messaging[]` items, for one account. */
export function envelope(items: unknown[], accountId = ACCOUNT_ID): { object: 'instagram'; entry: unknown[] } {
  return { object: 'instagram', entry: [{ id: accountId, time: 1767226100000, messaging: items }] };
}

/** The App Dashboard "Test" shape ([O] `[cw-ig-job]`): `changes[]`, id "0", seconds as a string. */
export const dashboardTestBody = {
  object: 'instagram',
  entry: [{ id: '0', time: 1527459824, changes: [{ field: 'messages', value: { sender: { id: '12334' }, recipient: { id: '23245' }, timestamp: '1527459824', message: { mid: 'random_mid', text: 'random_text' } } }] }],
};

/** §3.6 */
export const sendResponse = { recipient_id: IGSID, message_id: mids.sent };
/** §3.7 */
export const profileResponse = {
  name: 'Dewi Anggraini', username: 'dewi.angg', profile_pic: 'https://scontent.cdninstagram.com/v/t51.2885-19/invented_profile.jpg',
  follower_count: 412, is_user_follow_business: true, is_business_follow_user: false, is_verified_user: false,
};
/** §3.8 */
export function graphErrorBody(code: number, subcode?: number, message = '(#10) Outside the allowed messaging window (illustrative wording).') {
  return { error: { message, type: 'OAuthException', code, ...(subcode !== undefined && { error_subcode: subcode }), fbtrace_id: 'AzXyInventedTrace01' } };
}
