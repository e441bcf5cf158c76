import { describe, expect, it } from 'vitest';
import { business, fromRina, type Json } from './whatsapp.fixtures.ts';
import { echoes, statuses } from './whatsapp.fixtures.status.ts';
import { parseWhatsappWebhook } from './whatsapp.webhook.ts';

const parse = (body: unknown) => parseWhatsappWebhook(body, business);
const item = (type: string, content: unknown, extra: Json = {}): Json => ({ from: '6281234567890', id: `wamid.${type}`, timestamp: '1767225600', type, [type]: content, ...extra });
const first = (body: Json) => parse(body)[0];

describe('WhatsApp inbound content beyond the §2.3 examples', () => {
  it('case 24: forwarded and frequently forwarded flags are kept as context', () => {
    expect(first(fromRina(item('text', { body: 'fwd' }, { context: { forwarded: true } })))).toMatchObject({ body: 'fwd', replyToExternalId: null, context: { forwarded: true } });
    expect(first(fromRina(item('text', { body: 'fwd' }, { context: { frequently_forwarded: true } })))).toMatchObject({ context: { frequentlyForwarded: true } });
  });

  it('keeps a Click-to-WhatsApp ad referral and a product enquiry as context', () => {
    const referral = { source_url: 'https://fb.me/ad', source_id: '1200', source_type: 'ad', headline: 'Promo' };
    expect(first(fromRina(item('text', { body: 'Mau tanya promo' }, { referral })))).toMatchObject({ context: { referral } });
    const product = { catalog_id: 'cat1', product_retailer_id: 'SKU-1' };
    expect(first(fromRina(item('text', { body: 'Ready?' }, { context: { from: business.displayPhoneNumber, id: 'wamid.ours', referred_product: product } })))).toMatchObject({
      replyToExternalId: 'wamid.ours',
      context: { referredProduct: product },
    });
  });

  it.each([
    ['video', { id: '11', mime_type: 'video/mp4', sha256: 'aa', caption: 'Rekaman' }, 'Rekaman', {}],
    ['document', { id: '12', mime_type: 'application/pdf', sha256: 'bb', filename: 'invoice.pdf' }, '', { filename: 'invoice.pdf' }],
    ['sticker', { id: '13', mime_type: 'image/webp', sha256: 'cc', animated: true }, '', { data: { animated: true } }],
  ])('case 25: a %s becomes an attachment to fetch by media id', (type, media, body, extra) => {
    expect(first(fromRina(item(type, media)))).toMatchObject({ body, attachments: [{ kind: type, externalRef: media.id, mimeType: media.mime_type, sha256: media.sha256, ...extra }] });
  });

  it('case 26: a button reply reads as the tapped title with the button id in context', () => {
    const reply = item('interactive', { type: 'button_reply', button_reply: { id: 'btn_yes', title: 'Ya' } }, { context: { from: business.displayPhoneNumber, id: 'wamid.q' } });
    expect(first(fromRina(reply))).toMatchObject({ body: 'Ya', replyToExternalId: 'wamid.q', context: { interactive: { type: 'button_reply', id: 'btn_yes', title: 'Ya' } } });
  });

  it('case 27: a contacts card reads as names and numbers and keeps the card', () => {
    const card = { name: { formatted_name: 'Kurir JNE', first_name: 'Kurir' }, phones: [{ phone: '+62 812-0000-1111', wa_id: '6281200001111', type: 'CELL' }] };
    expect(first(fromRina(item('contacts', [card])))).toMatchObject({ body: '👤 Kurir JNE (+62 812-0000-1111)', attachments: [{ kind: 'contacts', externalRef: null, data: { contacts: [card] } }] });
  });

  it('case 27: an order reads as its items and total, with the order kept as context', () => {
    const order = { catalog_id: 'cat1', text: 'Kirim cepat', product_items: [{ product_retailer_id: 'SKU-1', quantity: 2, item_price: 50000, currency: 'IDR' }, { product_retailer_id: 'SKU-2', quantity: 1, item_price: 25000, currency: 'IDR' }] };
    expect(first(fromRina(item('order', order)))).toMatchObject({
      body: '🛒 Order: 2 × SKU-1, 1 × SKU-2 (total 125000 IDR) — Kirim cepat',
      context: { order: { catalogId: 'cat1', text: 'Kirim cepat', items: order.product_items } },
    });
  });

  it.each([
    ['an empty emoji', { message_id: 'wamid.t', emoji: '' }],
    ['a missing emoji', { message_id: 'wamid.t' }],
  ])('case 27: a reaction with %s means the reaction was removed', (_label, reaction) => {
    expect(first(fromRina(item('reaction', reaction)))).toMatchObject({ kind: 'reaction', targetExternalId: 'wamid.t', emoji: null });
  });

  it.each([['unsupported'], ['unknown']])('case 29: a 131060 "%s" message is an unavailable placeholder', (type) => {
    const unavailable = item(type, { type: 'unknown' }, { errors: [{ code: 131060, title: 'Message currently unavailable', error_data: { details: 'Message is currently unavailable.' } }] });
    expect(first(fromRina(unavailable))).toMatchObject({ kind: 'message', body: '', placeholder: 'unavailable' });
  });

  it('case 29: a type we have never heard of still leaves an unsupported entry', () => {
    expect(first(fromRina(item('hologram', { x: 1 })))).toMatchObject({ body: '', placeholder: 'unsupported', context: { unsupported: { type: 'hologram', errors: [] } } });
  });

  it('case 37: a revoked and an edited Business-app message become delete and edit events', () => {
    const base = { from: business.displayPhoneNumber, to: '6281234567890', timestamp: '1767227000' };
    const events = parse(echoes(
      { ...base, id: 'wamid.rev', type: 'revoke', revoke: { original_message_id: 'wamid.orig1' } },
      { ...base, id: 'wamid.edt', type: 'edit', edit: { original_message_id: 'wamid.orig2', text: { body: 'Resi: JNE123' } } },
    ));
    expect(events).toEqual([
      { kind: 'delete', channel: 'whatsapp', targetExternalId: 'wamid.orig1', at: '2026-01-01T00:23:20.000Z' },
      { kind: 'edit', channel: 'whatsapp', targetExternalId: 'wamid.orig2', body: 'Resi: JNE123', at: '2026-01-01T00:23:20.000Z' },
    ]);
  });

  it('case 37: a Business-app photo echo is outgoing, with the photo to fetch', () => {
    const echo = { from: business.displayPhoneNumber, to: '6281234567890', id: 'wamid.img', timestamp: '1767227000', type: 'image', image: { id: '77', mime_type: 'image/jpeg', sha256: 'zz', caption: 'Resi' } };
    expect(first(echoes(echo))).toMatchObject({ author: 'business_app', sender: { externalId: '6281234567890' }, body: 'Resi', attachments: [{ externalRef: '77' }] });
  });

  it('case 15/16: statuses map one to one, a first voice-note play counts as read, unknown states are skipped', () => {
    const at = '1767225600';
    const events = parse(statuses(
      { id: 'wamid.a', status: 'delivered', timestamp: at },
      { id: 'wamid.a', status: 'played', timestamp: at },
      { id: 'wamid.a', status: 'deleted', timestamp: at },
      { id: 'wamid.b', status: 'failed', timestamp: at, errors: [{ code: 131026, title: 'Message undeliverable' }] },
    ));
    expect(events.map((event) => event.kind === 'status' && [event.externalMessageId, event.status, event.error ?? null])).toEqual([
      ['wamid.a', 'delivered', null],
      ['wamid.a', 'read', null],
      ['wamid.b', 'failed', { code: 'whatsapp.131026', reason: 'Message undeliverable' }],
    ]);
  });
});
