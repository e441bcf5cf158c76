import { describe, expect, it } from 'vitest';
import { ig, igBatch, igDashboardTest, igEchoes, igInbound, igStandby } from './payloads.instagram.ts';
import { wa, waBatch, waEcho, waEchoes, waInbound, waValueErrors } from './payloads.whatsapp.ts';
import { webhookError } from './graph-errors.ts';

const business = { wabaId: '498712345600011', phoneNumberId: '118220045566779', displayPhoneNumber: '6281100020003' };
const rina = { name: 'Rina Wulandari', waId: '6281234567890' };
const account = { igId: '17841400123456789' };
const DEWI = '1122334455667788';
const photo = { id: '2790415566331207', mime_type: 'image/jpeg', sha256: 'q3Jx0mN1b2FtZXRvbG9yZW1pcHN1bWRvbG9yc2l0YW0=' };
const at = 1767225710_000;

const messageOf = (payload: ReturnType<typeof waInbound>, i = 0) => (payload.entry[0]?.changes[0]?.value.messages as Record<string, unknown>[])[i];
const eventOf = (payload: ReturnType<typeof igInbound>, i = 0) => payload.entry[0]?.messaging?.[i];

describe('WhatsApp payload builders', () => {
  it('builds the §2.3.2 quoted image reply with context first and the caption kept', () => {
    const payload = waInbound(business, rina, [wa.image(photo, { caption: 'Ini foto kardusnya, penyok', replyTo: 'wamid.OURS', id: 'wamid.IMG', at })]);
    expect(messageOf(payload)).toEqual({
      context: { from: '6281100020003', id: 'wamid.OURS' },
      from: '6281234567890',
      id: 'wamid.IMG',
      timestamp: '1767225710',
      type: 'image',
      image: { caption: 'Ini foto kardusnya, penyok', ...photo },
    });
  });

  it('marks forwarded and frequently forwarded texts', () => {
    const payload = waInbound(business, rina, [wa.text('fwd', { forwarded: true }), wa.text('fwd5', { forwarded: 'frequently' })]);
    expect(messageOf(payload, 0)?.context).toEqual({ forwarded: true });
    expect(messageOf(payload, 1)?.context).toEqual({ frequently_forwarded: true });
  });

  it('builds voice notes, documents, videos and stickers with their type-specific fields', () => {
    const payload = waInbound(business, rina, [
      wa.audio({ ...photo, mime_type: 'audio/ogg; codecs=opus' }, { voice: true }),
      wa.document({ ...photo, mime_type: 'application/pdf' }, { filename: 'invoice.pdf' }),
      wa.video({ ...photo, mime_type: 'video/mp4' }, { caption: 'unboxing' }),
      wa.sticker({ ...photo, mime_type: 'image/webp' }, { animated: true }),
    ]);
    expect(messageOf(payload, 0)?.audio).toMatchObject({ voice: true, mime_type: 'audio/ogg; codecs=opus' });
    expect(messageOf(payload, 1)?.document).toMatchObject({ filename: 'invoice.pdf' });
    expect(messageOf(payload, 2)?.video).toMatchObject({ caption: 'unboxing' });
    expect(messageOf(payload, 3)?.sticker).toMatchObject({ animated: true });
  });

  it('builds interactive button and list replies and template button taps, always with context', () => {
    const payload = waInbound(business, rina, [
      wa.buttonReply('yes', 'Ya', { replyTo: 'wamid.Q1' }),
      wa.listReply('cat_refund', 'Refund', 'Barang rusak / salah kirim', { replyTo: 'wamid.Q2' }),
      wa.templateButton('Sudah selesai', 'CSAT_RESOLVED_YES', { replyTo: 'wamid.T1' }),
    ]);
    expect(messageOf(payload, 0)).toMatchObject({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Ya' } }, context: { id: 'wamid.Q1' } });
    expect(messageOf(payload, 1)?.interactive).toEqual({ type: 'list_reply', list_reply: { id: 'cat_refund', title: 'Refund', description: 'Barang rusak / salah kirim' } });
    expect(messageOf(payload, 2)).toMatchObject({ type: 'button', button: { text: 'Sudah selesai', payload: 'CSAT_RESOLVED_YES' } });
  });

  it('builds reactions, with the unconfirmed removal shape selectable', () => {
    const payload = waInbound(business, rina, [wa.reaction('wamid.X', '🙏'), wa.reaction('wamid.X', null), wa.reaction('wamid.X', null, { removal: 'omitted' })]);
    expect([0, 1, 2].map((i) => messageOf(payload, i)?.reaction)).toEqual([
      { message_id: 'wamid.X', emoji: '🙏' },
      { message_id: 'wamid.X', emoji: '' },
      { message_id: 'wamid.X' },
    ]);
  });

  it('builds location, contacts, order and product-enquiry messages', () => {
    const payload = waInbound(business, rina, [
      wa.location({ latitude: -6.2261, longitude: 106.8027, name: 'Gudang Cakung' }),
      wa.contacts([{ name: { formatted_name: 'Budi' }, phones: [{ phone: '+6285700011122', wa_id: '6285700011122', type: 'CELL' }] }]),
      wa.order('cat-1', [{ product_retailer_id: 'batik-L', quantity: 1, item_price: 250000, currency: 'IDR' }]),
      wa.productEnquiry('Ada ukuran XL?', 'cat-1', 'batik-L', { replyTo: 'wamid.P' }),
    ]);
    expect(messageOf(payload, 0)?.location).toMatchObject({ name: 'Gudang Cakung' });
    expect(messageOf(payload, 1)?.contacts).toHaveLength(1);
    expect(messageOf(payload, 2)?.order).toMatchObject({ catalog_id: 'cat-1' });
    expect(messageOf(payload, 3)?.context).toEqual({ from: '6281100020003', id: 'wamid.P', referred_product: { catalog_id: 'cat-1', product_retailer_id: 'batik-L' } });
  });

  it('builds a number change that re-keys the contact to the new wa_id', () => {
    const payload = waInbound(business, rina, [wa.numberChange('Rina Wulandari', '6281234567890', '6281399988877')]);
    expect(messageOf(payload)?.system).toEqual({
      type: 'user_changed_number',
      body: 'Rina Wulandari changed from 6281234567890 to 6281399988877',
      wa_id: '6281399988877',
    });
  });

  it('builds unsupported (131051) and unavailable (131060) messages with their errors', () => {
    const payload = waInbound(business, rina, [wa.unsupported('poll_creation'), wa.unavailable()]);
    expect(messageOf(payload, 0)).toMatchObject({ type: 'unsupported', unsupported: { type: 'poll_creation' }, errors: [{ code: 131051 }] });
    expect(messageOf(payload, 1)).toMatchObject({ type: 'unsupported', errors: [{ code: 131060, title: 'Message currently unavailable' }] });
    expect((messageOf(payload, 0)?.errors as Record<string, unknown>[])[0]).not.toHaveProperty('href');
  });

  it('builds a BSUID-only sender with no from and no wa_id', () => {
    const payload = waInbound(business, { name: 'rina', userId: 'ID.58219abc', username: 'rina.w' }, [wa.text('halo')]);
    const value = payload.entry[0]?.changes[0]?.value;
    expect(value?.contacts).toEqual([{ profile: { name: 'rina', username: 'rina.w' }, user_id: 'ID.58219abc' }]);
    expect(messageOf(payload)).not.toHaveProperty('from');
    expect(messageOf(payload)?.from_user_id).toBe('ID.58219abc');
  });

  it('builds coexistence echoes (text, revoke, edit) on smb_message_echoes', () => {
    const payload = waEchoes(business, [waEcho.text(rina.waId, 'Resi sudah dikirim'), waEcho.revoke(rina.waId, 'wamid.OLD'), waEcho.edit(rina.waId, 'wamid.OLD', 'Resi: JNT1')]);
    const change = payload.entry[0]?.changes[0];
    expect(change?.field).toBe('smb_message_echoes');
    expect(change?.value.message_echoes).toEqual([
      expect.objectContaining({ from: '6281100020003', to: rina.waId, type: 'text', text: { body: 'Resi sudah dikirim' } }),
      expect.objectContaining({ type: 'revoke', revoke: { original_message_id: 'wamid.OLD' } }),
      expect.objectContaining({ type: 'edit', edit: { original_message_id: 'wamid.OLD', text: { body: 'Resi: JNT1' } } }),
    ]);
  });

  it('builds value-level errors such as a 130429 rate-limit notice', () => {
    const payload = waValueErrors(business, [webhookError(130429, 'Too many messages')]);
    expect(payload.entry[0]?.changes[0]?.value.errors).toEqual([{ code: 130429, title: 'Rate limit hit', message: 'Rate limit hit', error_data: { details: 'Too many messages' } }]);
  });

  it('keeps every payload as its own entry unless asked to merge entries of one WABA', () => {
    const a = waInbound(business, rina, [wa.text('a')]);
    const b = waInbound(business, rina, [wa.text('b')]);
    expect(waBatch([a, b]).entry).toHaveLength(2);
    expect(waBatch([a, b], { mergeEntries: true }).entry[0]?.changes).toHaveLength(2);
  });
});

describe('Instagram payload builders', () => {
  it('builds story replies, story mentions and images as in §3.3.2', () => {
    const payload = igInbound(account, DEWI, [
      ig.storyReply('Promo ini masih berlaku?', { url: 'https://cdn.test/story', id: '18034455667788990' }, { at }),
      ig.storyMention('https://cdn.test/mention', { at }),
      ig.image('https://cdn.test/img', { at }),
    ]);
    expect(eventOf(payload, 0)).toEqual({
      sender: { id: DEWI },
      recipient: { id: account.igId },
      timestamp: at,
      message: { mid: expect.any(String), text: 'Promo ini masih berlaku?', reply_to: { story: { url: 'https://cdn.test/story', id: '18034455667788990' } } },
    });
    expect((eventOf(payload, 1)?.message as Record<string, unknown>).attachments).toEqual([{ type: 'story_mention', payload: { url: 'https://cdn.test/mention' } }]);
    expect((eventOf(payload, 2)?.message as Record<string, unknown>).attachments).toEqual([{ type: 'image', payload: { url: 'https://cdn.test/img' } }]);
  });

  it('builds inline replies, quick replies, ad referrals, postbacks and ig.me referrals', () => {
    const payload = igInbound(account, DEWI, [
      ig.inlineReply('yang ini', 'mid.OURS'),
      ig.quickReply('Refund', 'QR_REFUND'),
      ig.adReferral('Masih ada?', { adId: 'ad-1', adTitle: 'Batik sale', photoUrl: 'https://cdn.test/ad' }),
      ig.postback('Lacak pesanan', 'TRACK_ORDER'),
      ig.referral('promo-juni'),
    ]);
    expect((eventOf(payload, 0)?.message as Record<string, unknown>).reply_to).toEqual({ mid: 'mid.OURS' });
    expect((eventOf(payload, 1)?.message as Record<string, unknown>).quick_reply).toEqual({ payload: 'QR_REFUND' });
    expect((eventOf(payload, 2)?.message as Record<string, unknown>).referral).toMatchObject({ ad_id: 'ad-1', source: 'ADS', type: 'OPEN_THREAD', ads_context_data: { ad_title: 'Batik sale' } });
    expect(eventOf(payload, 3)?.postback).toEqual({ mid: expect.any(String), title: 'Lacak pesanan', payload: 'TRACK_ORDER' });
    expect(eventOf(payload, 4)?.referral).toEqual({ ref: 'promo-juni', source: 'IGME', type: 'OPEN_THREAD' });
  });

  it('builds react, unreact, unsend, seen, edit and unsupported events as in §3.3.3–3.3.4', () => {
    const payload = igInbound(account, DEWI, [
      ig.reaction('mid.1', '❤️'),
      ig.unreact('mid.1'),
      ig.unsend('mid.2'),
      ig.seen('mid.3'),
      ig.edit('mid.4', 'Promo ini masih berlaku sampai kapan?', 1),
      ig.unsupported({ emptyAttachments: true }),
    ]);
    expect(eventOf(payload, 0)?.reaction).toEqual({ mid: 'mid.1', action: 'react', reaction: 'love', emoji: '❤️' });
    expect(eventOf(payload, 1)?.reaction).toEqual({ mid: 'mid.1', action: 'unreact', reaction: 'love' });
    expect(eventOf(payload, 2)?.message).toEqual({ mid: 'mid.2', is_deleted: true });
    expect(eventOf(payload, 3)?.read).toEqual({ mid: 'mid.3' });
    expect(eventOf(payload, 4)?.message_edit).toEqual({ mid: 'mid.4', text: 'Promo ini masih berlaku sampai kapan?', num_edit: 1 });
    expect(eventOf(payload, 5)?.message).toEqual({ mid: expect.any(String), is_unsupported: true, attachments: [] });
  });

  it('builds echoes with swapped ids and is_echo last', () => {
    const payload = igEchoes(account, DEWI, [ig.text('Halo Kak, kami cek dulu ya.', { mid: 'mid.ECHO' })]);
    expect(eventOf(payload)).toMatchObject({ sender: { id: account.igId }, recipient: { id: DEWI } });
    expect(Object.keys(eventOf(payload)?.message as object)).toEqual(['mid', 'text', 'is_echo']);
  });

  it('builds the dashboard test shape under changes[] and handover events under standby[]', () => {
    expect(igDashboardTest(account, DEWI, ig.text('test')).entry[0]?.changes?.[0]).toMatchObject({ field: 'messages', value: { sender: { id: DEWI } } });
    expect(igStandby(account, DEWI, [ig.text('standby')]).entry[0]?.standby).toHaveLength(1);
  });

  it('merges events of one account into one entry when batching', () => {
    const merged = igBatch([igInbound(account, DEWI, [ig.text('a')]), igInbound(account, '99', [ig.text('b')])], { mergeEntries: true });
    expect(merged.entry).toHaveLength(1);
    expect(merged.entry[0]?.messaging).toHaveLength(2);
  });
});
