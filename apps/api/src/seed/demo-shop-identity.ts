import type { Repositories } from '@keluh/core';
import { signSiteIdentity, siteVisitorId, widgetIdentitySecret } from '../security/site-identity.ts';

/**
 * The demo shop's signed-in customer: the shop's server signs them as a real site would, so the widget
 * on `/demo/signed-in` chats as a verified visitor with a phone number (docs/customers.md, web chat).
 */
export const DEMO_SHOP_USER = { userId: 'demo-shop-user-1', name: 'Dimas Saputra', phone: '081234567899', email: 'dimas.saputra@example.com' } as const;

export async function demoShopIdentity(db: Pick<Repositories, 'settings'>): Promise<string> {
  return signSiteIdentity({ ...DEMO_SHOP_USER }, await widgetIdentitySecret(db));
}

/**
 * The demo shop's customer is already known on WhatsApp by the same number: one customer with both
 * identities, as a verified join makes them (docs/customers.md). So the shop's chat and their WhatsApp
 * messages thread into one ticket, and an agent can answer on either channel.
 */
export async function seedDemoShopCustomer(db: Pick<Repositories, 'customers' | 'identities'>, now: string): Promise<void> {
  const phone = '+6281234567899';
  const customer = await db.customers.create({ name: DEMO_SHOP_USER.name, phone, email: DEMO_SHOP_USER.email }, now);
  await db.identities.insertIfAbsent({ customerId: customer.id, channel: 'whatsapp', externalId: phone.slice(1), displayName: DEMO_SHOP_USER.name, verified: true }, now);
  await db.identities.insertIfAbsent({ customerId: customer.id, channel: 'webchat', externalId: siteVisitorId(DEMO_SHOP_USER.userId), displayName: DEMO_SHOP_USER.name, verified: true }, now);
}
