import type { WaContactCard, WaMessage } from './whatsapp.wire.ts';
import { list, text } from './whatsapp.wire.ts';
import type { WaContent } from './whatsapp.content.ts';

/**
 * Inline-data types (§2.3 table: location, contacts, order) have no text of their own; the timeline,
 * notifications and search need one, so each gets a short language-neutral body while the structured
 * data rides along in the attachment or context.
 */

export function locationContent(location: WaMessage['location']): WaContent {
  const latitude = typeof location?.latitude === 'number' ? location.latitude : null;
  const longitude = typeof location?.longitude === 'number' ? location.longitude : null;
  const name = text(location?.name) ?? null;
  const address = text(location?.address) ?? null;
  const label = [name, address].filter((part) => part !== null).join(' — ');
  const point = latitude !== null && longitude !== null ? `(${latitude}, ${longitude})` : '';
  return {
    body: ['📍', label, point].filter((part) => part.length > 0).join(' '),
    attachments: [
      {
        kind: 'location',
        externalRef: null,
        data: { latitude, longitude, name, address, ...(text(location?.url) !== undefined && { url: location?.url }) },
      },
    ],
  };
}

export function contactsContent(cards: unknown): WaContent {
  const contacts = list<WaContactCard>(cards);
  const names = contacts.map((card) => {
    const name = text(card.name?.formatted_name) ?? [card.name?.first_name, card.name?.last_name].filter((part) => text(part)).join(' ');
    const phone = text(list<{ phone?: string }>(card.phones)[0]?.phone);
    return [name, phone !== undefined ? `(${phone})` : ''].filter((part) => part.length > 0).join(' ');
  });
  return {
    body: `👤 ${names.filter((name) => name.length > 0).join('; ')}`.trim(),
    attachments: [{ kind: 'contacts', externalRef: null, data: { contacts } }],
  };
}

/** A finite number, or undefined: a signed body is still only JSON, and `[{"toString":0}]` cannot be printed. */
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export function orderContent(order: WaMessage['order']): WaContent {
  const items = list<{ product_retailer_id?: string; quantity?: number; item_price?: number; currency?: string }>(order?.product_items);
  const quantity = (item: { quantity?: unknown }) => numberOf(item.quantity) ?? 1;
  const lines = items.map((item) => `${quantity(item)} × ${text(item.product_retailer_id) ?? '?'}`);
  const currencies = [...new Set(items.map((item) => text(item.currency) ?? ''))];
  const priced = items.length > 0 && items.every((item) => numberOf(item.item_price) !== undefined);
  const total = items.reduce((sum, item) => sum + quantity(item) * (numberOf(item.item_price) ?? 0), 0);
  // A total only makes sense in one currency.
  const totalText = priced && currencies.length === 1 ? ` (total ${[total, currencies[0]].filter((part) => part !== '').join(' ')})` : '';
  const note = text(order?.text);
  return {
    body: `🛒 Order: ${lines.join(', ')}${totalText}${note !== undefined ? ` — ${note}` : ''}`,
    context: { order: { catalogId: text(order?.catalog_id) ?? null, text: note ?? null, items } },
  };
}
