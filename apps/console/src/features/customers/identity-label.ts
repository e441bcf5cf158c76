import type { IdentityDto } from '@keluh/contracts';

/**
 * How an identity is named to agents (docs/customers.md §Identity keys): Instagram by its @handle, never
 * the numeric IGSID; a phone in E.164; otherwise the name the channel gave, then the channel and a short id.
 */
export function identityLabel(identity: Pick<IdentityDto, 'channel' | 'externalId' | 'displayName' | 'phone' | 'email' | 'username'>, channelName: string): string {
  if (identity.channel === 'instagram' && identity.username) return `@${identity.username}`;
  if (identity.phone) return identity.phone;
  if (identity.email) return identity.email;
  if (identity.displayName) return identity.displayName;
  // An anonymous visitor's id is a long random token: its last characters tell two apart, as the inbox does.
  return `${channelName} ${identity.externalId.replace(/[^a-zA-Z0-9]/g, '').slice(-4).toUpperCase()}`;
}
