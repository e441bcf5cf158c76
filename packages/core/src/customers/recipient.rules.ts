import type { ChannelKind } from '../channels/channel.types.ts';
import type { Identity } from './customer.types.ts';

/**
 * The identity a send on `channel` goes to: the one the customer last wrote from reaches them now.
 * The outbox addresses the send by this same rule, so the message records where it really went.
 */
export function recipientIdentity(identities: readonly Identity[], channel: ChannelKind): Identity | undefined {
  return identities
    .filter((identity) => identity.channel === channel)
    .sort((a, b) => (b.lastInboundAt ?? '').localeCompare(a.lastInboundAt ?? '') || b.id - a.id)[0];
}
