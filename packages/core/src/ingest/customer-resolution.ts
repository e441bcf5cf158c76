import type { InboundMessageEvent, InboundIdentityChangeEvent } from '../channels/channel.types.ts';
import { displayNameFor } from '../customers/customer.rules.ts';
import type { Identity } from '../customers/customer.types.ts';
import type { TxContext } from './tx-context.ts';

/**
 * Finds the customer behind a sender, by the channel id or any alias the channel gives (WhatsApp's
 * business-scoped id next to the number, channels.md §2.3.8), creating customer and identity on first
 * contact. A newly seen key or phone is attached, so the customer is never split.
 */
export async function resolveIdentity({ tx, now }: TxContext, event: InboundMessageEvent): Promise<Identity> {
  const { sender } = event;
  const keys = [sender.externalId, ...(sender.aliases ?? [])];
  let found: Identity | null = null;
  for (const key of keys) {
    found = await tx.identities.findByExternalId(event.channel, key);
    if (found) break;
  }
  if (!found) {
    const customer = await tx.customers.create(
      { name: displayNameFor(event.channel, sender), email: sender.email ?? null, phone: sender.phone ?? null },
      now,
    );
    found = await tx.identities.create(
      { customerId: customer.id, channel: event.channel, externalId: sender.externalId, displayName: sender.displayName ?? null, verified: sender.verified ?? false },
      now,
    );
  }
  for (const key of keys) {
    if (key !== found.externalId && !(await tx.identities.findByExternalId(event.channel, key))) {
      await tx.identities.create({ customerId: found.customerId, channel: event.channel, externalId: key, displayName: sender.displayName ?? null }, now);
    }
  }
  if (sender.phone) {
    const customer = await tx.customers.findById(found.customerId);
    if (customer && !customer.phone) await tx.customers.update(customer.id, { phone: sender.phone }, now);
  }
  return found;
}

/** A number change re-keys the identity; the customer, tickets and history stay (case 28). */
export async function changeIdentity({ tx, now }: TxContext, event: InboundIdentityChangeEvent): Promise<'rekeyed' | 'ignored'> {
  const identity = await tx.identities.findByExternalId(event.channel, event.previousExternalId);
  if (!identity || (await tx.identities.findByExternalId(event.channel, event.externalId))) return 'ignored';
  await tx.identities.rekey(identity.id, event.externalId);
  if (event.phone) await tx.customers.update(identity.customerId, { phone: event.phone }, now);
  return 'rekeyed';
}
