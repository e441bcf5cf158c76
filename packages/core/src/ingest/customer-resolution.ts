import type { InboundMessageEvent, InboundIdentityChangeEvent } from '../channels/channel.types.ts';
import { channelsNamedFromProfile } from '../channels/channel.rules.ts';
import { displayNameFor } from '../customers/customer.rules.ts';
import { scheduleProfileLookup } from '../jobs/job.schedules.ts';
import type { Identity } from '../customers/customer.types.ts';
import type { TxContext } from './tx-context.ts';
import { joinOnVerifiedKey, recordKeys, senderKeys, type SenderKeys } from './identity-keys-on-ingest.ts';

/** The sender's identity, and whether this message is the first we ever had from them. */
export interface ResolvedSender {
  identity: Identity;
  /** Created by this very message: a name seen elsewhere is news only then (suggestions). */
  firstContact: boolean;
}

/**
 * Finds the customer behind a sender, by the channel id or any alias the channel gives (WhatsApp's
 * business-scoped id next to the number, channels.md §2.3.8), creating customer and identity on first
 * contact. A newly seen key or phone is attached, so the customer is never split.
 *
 * First contact races: two deliveries from a new sender (Meta retries, two processes) both find no
 * identity. Both create a customer, but only one identity insert wins the unique key; the loser deletes
 * the customer it made (nothing points at it yet) and joins the winner's.
 */
export async function resolveIdentity(ctx: TxContext, event: InboundMessageEvent): Promise<ResolvedSender> {
  const { tx, now } = ctx;
  const { sender } = event;
  const keys = [sender.externalId, ...(sender.aliases ?? [])];
  const known = new Map<string, Identity>();
  for (const key of keys) {
    const identity = await tx.identities.findByExternalId(event.channel, key);
    if (identity) known.set(key, identity);
  }
  const senderKeysNow = await senderKeys(ctx, sender);
  const existing = known.get(sender.externalId) ?? [...known.values()][0] ?? null;
  const resolved = existing ? { identity: await recordKeys(ctx, existing, senderKeysNow), firstContact: false } : await createFirstContact(ctx, event, senderKeysNow);
  const found = resolved.identity;
  let learnedKey = resolved.firstContact || found.phone !== existing?.phone;
  for (const key of keys) {
    if (key === found.externalId || known.has(key)) continue;
    // Losing this race is fine: whoever won attached the same alias.
    const attached = await tx.identities.insertIfAbsent(
      { customerId: found.customerId, channel: event.channel, externalId: key, displayName: sender.displayName ?? null, verified: sender.verified ?? false, ...senderKeysNow },
      now,
    );
    learnedKey ||= attached !== null;
  }
  // Only a phone this message taught us can be missing on the customer: every later message of a
  // 1,000-message batch from one sender would otherwise repeat the same no-op update.
  if (senderKeysNow.phone && learnedKey) await tx.customers.setPhoneIfMissing(found.customerId, senderKeysNow.phone, now);
  return resolved;
}

async function createFirstContact(ctx: TxContext, event: InboundMessageEvent, keys: SenderKeys): Promise<ResolvedSender> {
  const { tx, now } = ctx;
  const { sender } = event;
  const customer = await tx.customers.create({ name: displayNameFor(event.channel, { ...sender, phone: keys.phone }), email: keys.email, phone: keys.phone }, now);
  const identity = await tx.identities.insertIfAbsent(
    { customerId: customer.id, channel: event.channel, externalId: sender.externalId, displayName: sender.displayName ?? null, verified: sender.verified ?? false, ...keys },
    now,
  );
  if (identity) {
    if (!sender.displayName?.trim() && channelsNamedFromProfile.includes(event.channel)) {
      await scheduleProfileLookup(tx, { customerId: customer.id, identityId: identity.id }, now);
    }
    // First contact creates its customer as always; a verified key then folds it into the person we know.
    return { identity: await joinOnVerifiedKey(ctx, identity), firstContact: true };
  }
  await tx.customers.deleteUnreferenced(customer.id);
  const winner = await tx.identities.findByExternalId(event.channel, sender.externalId);
  if (!winner) throw new Error(`Identity ${event.channel}:${sender.externalId} conflicted but cannot be read`);
  return { identity: winner, firstContact: false };
}

/** A number change re-keys the identity; the customer, tickets and history stay (case 28). */
export async function changeIdentity({ tx, now }: TxContext, event: InboundIdentityChangeEvent): Promise<'rekeyed' | 'ignored'> {
  const identity = await tx.identities.findByExternalId(event.channel, event.previousExternalId);
  if (!identity || (await tx.identities.findByExternalId(event.channel, event.externalId))) return 'ignored';
  await tx.identities.rekey(identity.id, event.externalId);
  if (event.phone) await tx.customers.update(identity.customerId, { phone: event.phone }, now);
  return 'rekeyed';
}
