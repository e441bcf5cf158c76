import type { IdentityDto } from '@keluh/contracts';

/**
 * How an identity is named to agents (docs/customers.md §Identity keys): Instagram by its @handle, never
 * the numeric IGSID; a phone in E.164; otherwise the name the channel gave, then the raw id.
 */
export function identityLabel(identity: Pick<IdentityDto, 'channel' | 'externalId' | 'displayName' | 'phone' | 'email' | 'username'>): string {
  if (identity.channel === 'instagram') return identity.username ? `@${identity.username}` : (identity.displayName ?? 'Instagram');
  if (identity.phone) return identity.phone;
  if (identity.email) return identity.email;
  return identity.displayName ?? identity.externalId;
}
