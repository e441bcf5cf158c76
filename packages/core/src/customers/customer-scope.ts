import { canSeeTicket, type TicketScope } from '../auth/ticket.policy.ts';
import type { Repositories } from '../ports/repositories.ts';
import { AppError } from '../shared/errors.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import type { Customer } from './customer.types.ts';

/**
 * A customer is seen through their tickets (docs/supervisors.md §Roles and scope): visible when one of
 * their tickets is. Outside the scope the customer does not exist, as a ticket would not (404, never 403).
 */
export async function visibleCustomer(db: Pick<Repositories, 'customers' | 'tickets'>, customerId: number, scope: TicketScope): Promise<{ customer: Customer; tickets: Ticket[] }> {
  const customer = await db.customers.findById(customerId);
  if (!customer) throw new AppError('customer.not_found', `Customer ${customerId} does not exist`);
  const visible = (await db.tickets.listForCustomer(customerId)).filter((ticket) => canSeeTicket(scope, ticket));
  // A merged customer's tickets moved to the survivor: who may see the survivor may see where it came from.
  const seen = visible.length > 0 || scope.kind === 'all' || (customer.mergedIntoId !== null && (await db.tickets.listForCustomer(customer.mergedIntoId)).some((ticket) => canSeeTicket(scope, ticket)));
  if (!seen) throw new AppError('customer.not_found', `Customer ${customerId} does not exist`);
  return { customer, tickets: visible };
}
