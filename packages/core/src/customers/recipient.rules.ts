import type { ChannelKind } from '../channels/channel.types.ts';
import type { Identity } from './customer.types.ts';

type Reachable = Pick<Identity, 'id' | 'channel' | 'lastInboundAt'>;

/** The identity the customer last wrote from; ties (never written) go to the newest. */
export function mostRecent<T extends Reachable>(identities: readonly T[]): T | undefined {
  return [...identities].sort((a, b) => (b.lastInboundAt ?? '').localeCompare(a.lastInboundAt ?? '') || b.id - a.id)[0];
}

/**
 * The identity a send on `channel` goes to: the one the customer last wrote from reaches them now.
 * The outbox addresses the send by this same rule, so the message records where it really went.
 */
export function recipientIdentity<T extends Reachable>(identities: readonly T[], channel: ChannelKind): T | undefined {
  return mostRecent(identities.filter((identity) => identity.channel === channel));
}
