import type { ChannelKind, Database, NewIdentity } from '@keluh/core';
import { T0 } from './fixtures.ts';

/** Builds the small worlds the search tests look through: teams, customers with identities, tickets and messages. */
export function searchWorld(db: Database) {
  let n = 0;
  return {
    team: (name: string) => db.teams.create(name, T0),
    async customer(name: string, identity: Partial<Omit<NewIdentity, 'customerId'>> = {}) {
      const customer = await db.customers.create({ name }, T0);
      const channel: ChannelKind = identity.channel ?? 'whatsapp';
      await db.identities.insertIfAbsent({ customerId: customer.id, channel, externalId: identity.externalId ?? `search-${++n}`, ...identity }, T0);
      return customer;
    },
    async ticket(customerId: number, options: { subject?: string; teamId?: number; assigneeId?: number | null } = {}) {
      const ticket = (await db.tickets.createActiveIfAbsent({ customerId, subject: options.subject ?? 'Keluhan', channel: 'whatsapp', ...(options.teamId === undefined ? {} : { teamId: options.teamId }) }, T0))!;
      if (options.assigneeId !== undefined) return db.tickets.update(ticket.id, { assigneeId: options.assigneeId }, T0);
      return ticket;
    },
    /** Closes the customer's active ticket, so another can be opened for them. */
    close: (ticketId: number) => db.tickets.update(ticketId, { status: 'closed' }, T0),
    async message(ticketId: number, body: string, options: { direction?: 'in' | 'out'; at?: string } = {}) {
      const direction = options.direction ?? 'in';
      return (await db.messages.insertIfAbsent(
        { ticketId, direction, authorKind: direction === 'in' ? 'customer' : 'agent', channel: 'whatsapp', externalId: `wamid.search-${++n}`, body, status: direction === 'in' ? 'received' : 'sent', sentAt: options.at ?? T0 },
        T0,
      ))!;
    },
  };
}
