import type { Identity } from '../customers/customer.types.ts';
import { mostRecent, recipientIdentity } from '../customers/recipient.rules.ts';
import { AppError } from '../shared/errors.ts';
import type { Ticket } from './ticket.types.ts';

/**
 * Which of the customer's identities a reply goes to. Named by the agent (the composer's channel picker):
 * it must be one of the ticket's customer's, or `reply.identity_not_of_customer`. Otherwise the identity
 * the customer last wrote from on the ticket's channel, then the one they last wrote from at all.
 */
export function replyIdentity(ticket: Pick<Ticket, 'id' | 'customerId' | 'lastChannel'>, identities: readonly Identity[], identityId?: number | null): Identity | null {
  if (identityId == null) return defaultReplyIdentity(ticket, identities);
  const named = identities.find((identity) => identity.id === identityId);
  if (!named) {
    throw new AppError('reply.identity_not_of_customer', `Identity ${identityId} is not one of the customer's on ticket ${ticket.id}`, {
      identityId,
      issues: [{ path: 'body.identityId', message: 'Not an identity of this customer' }],
    });
  }
  return named;
}

type Reachable = Pick<Identity, 'id' | 'channel' | 'lastInboundAt'>;

/** Also what the console's channel picker preselects (it shows the same identity the server would use). */
export function defaultReplyIdentity<T extends Reachable>(ticket: Pick<Ticket, 'lastChannel'>, identities: readonly T[]): T | null {
  return recipientIdentity(identities, ticket.lastChannel) ?? mostRecent(identities) ?? null;
}
