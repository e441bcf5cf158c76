import type { InboundSender } from '../channels/channel.types.ts';
import { DEFAULT_REGION_SETTING, normaliseEmail, regionOf, toE164 } from '../customers/identity-keys.rules.ts';
import type { Identity } from '../customers/customer.types.ts';
import { mergeInTx } from '../customers/merge-steps.ts';
import type { TxContext } from './tx-context.ts';

export interface SenderKeys {
  phone: string | null;
  email: string | null;
}

/** The sender's phone and email in their one comparable form; a number that does not parse is dropped, not stored. */
export async function senderKeys({ tx }: TxContext, sender: InboundSender): Promise<SenderKeys> {
  const region = regionOf(sender.phone ? await tx.settings.get(DEFAULT_REGION_SETTING) : null);
  return {
    phone: sender.phone ? toE164(sender.phone, region) : null,
    email: sender.email ? normaliseEmail(sender.email) : null,
  };
}

/** Fills in keys a known identity lacks (a contact first seen before keys were stored, a number now shared). */
export async function recordKeys({ tx }: TxContext, identity: Identity, keys: SenderKeys): Promise<Identity> {
  const patch: Partial<Pick<Identity, 'phone' | 'email'>> = {};
  if (keys.phone && identity.phone !== keys.phone) patch.phone = keys.phone;
  if (keys.email && identity.email !== keys.email) patch.email = keys.email;
  if (Object.keys(patch).length === 0) return identity;
  await tx.identities.setKeys(identity.id, patch);
  return { ...identity, ...patch };
}

/**
 * Automatic join (docs/customers.md): a new identity whose verified phone or email equals a verified
 * identity's of an active customer joins that customer, as a merge undoable like any other. Only keys
 * the channel or the site vouches for count: an unverified visitor never links by themselves.
 */
export async function joinOnVerifiedKey(ctx: TxContext, identity: Identity): Promise<Identity> {
  if (!identity.verified) return identity;
  for (const [reason, key] of [
    ['verified_phone', identity.phone ? { phone: identity.phone } : null],
    ['verified_email', identity.email ? { email: identity.email } : null],
  ] as const) {
    if (!key) continue;
    const match = (await ctx.tx.identities.listByKey(key, { verifiedOnly: true })).find((other) => other.customerId !== identity.customerId);
    if (!match) continue;
    await mergeInTx(ctx, { survivorId: match.customerId, mergedId: identity.customerId, reason, evidence: { ...key, identityId: match.id }, actorUserId: null });
    return { ...identity, customerId: match.customerId };
  }
  return identity;
}
