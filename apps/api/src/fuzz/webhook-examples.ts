import {
  ig,
  igDashboardTest,
  igEchoes,
  igInbound,
  igStandby,
  wa,
  waBatch,
  waEcho,
  waEchoes,
  waInbound,
  waStatuses,
  waValueErrors,
  webhookError,
} from '@keluh/meta-sim';
import { IG, WA } from './fuzz-world.ts';

/*
 * Well-formed webhook bodies, one per kind of event each channel sends (channels.md §2.3, §3.3, and
 * the API channel's contract). Built when a case runs: fresh message ids and timestamps each time.
 */

export type WebhookKind = 'whatsapp' | 'instagram' | 'api';

const business = { wabaId: '498712345600011', phoneNumberId: WA.phoneNumberId, displayPhoneNumber: '6281100020003' };
const rina = { name: 'Rina Kusuma', waId: '6281234567801' };
const account = { igId: IG.accountId };
const igsid = '17841400000000003';
const photo = { id: '1029384756', mime_type: 'image/jpeg', sha256: 'n6JxhdCrNYJ7JqPAwq1cJqHj5p2c4a0eN0f1s8dVd1s=' };
const cdn = 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1';
let counter = 0;
const key = () => `fuzz-${Date.now()}-${(counter += 1)}`;

export const webhookExamples: Record<WebhookKind, (() => unknown)[]> = {
  whatsapp: [
    () => waInbound(business, rina, [wa.text('Paket saya belum sampai 😞')]),
    () => waInbound(business, rina, [wa.image(photo, { caption: 'Ini fotonya' })]),
    () => waInbound(business, rina, [wa.location({ latitude: -6.2, longitude: 106.8, name: 'Rumah' })]),
    () => waInbound(business, rina, [wa.contacts([{ name: { formatted_name: 'Budi' }, phones: [{ phone: '+62 812 0000 0000', wa_id: '6281200000000' }] }])]),
    () => waInbound(business, rina, [wa.reaction('wamid.unknown', '👍')]),
    () => waInbound(business, rina, [wa.buttonReply('yes', 'Ya', { replyTo: 'wamid.unknown' })]),
    () => waInbound(business, rina, [wa.order('cat-1', [{ product_retailer_id: 'sku-1', quantity: 2, item_price: 15000, currency: 'IDR' }])]),
    () => waInbound(business, rina, [wa.numberChange('Rina', rina.waId, '6281234567899')]),
    () => waInbound(business, rina, [wa.unsupported()]),
    () => waStatuses(business, [{ id: 'wamid.fuzz-unknown', status: 'read' }]),
    () => waStatuses(business, [{ id: 'wamid.fuzz-unknown', status: 'failed', errors: [webhookError(131047, 'Re-engagement message')] }]),
    () => waEchoes(business, [waEcho.text(rina.waId, 'Kami cek dulu ya')]),
    () => waValueErrors(business, [webhookError(130429, 'Rate limit hit')]),
    () => waBatch([waInbound(business, rina, [wa.text('satu')]), waInbound(business, { name: 'Dewi', waId: '6281234567802' }, [wa.text('dua')])]),
  ],
  instagram: [
    () => igInbound(account, igsid, [ig.text('Halo, pesanan saya rusak')]),
    () => igInbound(account, igsid, [ig.image(cdn)]),
    () => igInbound(account, igsid, [ig.storyReply('Ini yang saya maksud', { url: cdn, id: 'story-1' })]),
    () => igInbound(account, igsid, [ig.reaction('mid.unknown', '❤️')]),
    () => igInbound(account, igsid, [ig.postback('Mulai', 'GET_STARTED')]),
    // A postback without its mid: keyed by its timestamp instead.
    () => ({ object: 'instagram', entry: [{ id: IG.accountId, time: Date.now(), messaging: [{ sender: { id: igsid }, recipient: { id: IG.accountId }, timestamp: Date.now(), postback: { title: 'Mulai', payload: 'GET_STARTED' } }] }] }),
    () => igInbound(account, igsid, [ig.referral('promo')]),
    () => igInbound(account, igsid, [ig.seen('mid.unknown')]),
    () => igInbound(account, igsid, [ig.edit('mid.unknown', 'diubah')]),
    () => igInbound(account, igsid, [ig.unsend('mid.unknown')]),
    () => igInbound(account, igsid, [ig.unsupported({ emptyAttachments: true })]),
    () => igEchoes(account, igsid, [ig.text('Kami bantu cek')]),
    () => igDashboardTest(account, igsid, ig.text('test')),
    () => igStandby(account, igsid, [ig.text('standby')]),
  ],
  api: [
    () => ({ messages: [{ idempotencyKey: key(), sender: { id: 'chat-1', name: 'Budi', phone: '+6281234567890' }, text: 'Halo dari Telegram' }] }),
    () => ({ messages: [{ idempotencyKey: key(), sender: { id: 'chat-2', email: 'budi@example.com' }, text: 'Dua', sentAt: '2026-01-02T03:04:05+07:00' }] }),
    () => ({ statuses: [{ messageId: 'keluh-msg-1', status: 'read' }] }),
    () => ({ statuses: [{ messageId: 'keluh-msg-999999', status: 'failed', error: { code: 'blocked', reason: 'The user blocked the bot' } }] }),
    () => ({ messages: [{ idempotencyKey: 'fuzz-fixed-key', sender: { id: 'chat-3' }, text: 'Sama lagi' }], statuses: [{ messageId: 'keluh-msg-1', status: 'delivered' }] }),
  ],
};
