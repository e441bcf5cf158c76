import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { Customer } from './customer.types.ts';

export interface RenameOptions {
  /**
   * Rename only while the customer still has this name: a channel profile that arrives late must not
   * overwrite a name an agent typed in the meantime.
   */
  onlyIfNamed?: string;
}

/**
 * Gives a customer a new display name and re-announces each of their tickets (`ticket.updated`), so
 * inbox rows and open tickets show it. Returns null, changing nothing, when the customer is gone or no
 * longer carries `onlyIfNamed`.
 */
export async function renameCustomer(deps: CoreDeps, customerId: number, name: string, options: RenameOptions = {}): Promise<Customer | null> {
  const trimmed = name.trim().slice(0, 120);
  if (!trimmed) throw new AppError('validation.failed', 'A customer name cannot be empty', { issues: [{ path: 'name', message: 'Required' }] });
  return commit(deps, async (tx, emit) => {
    const customer = await tx.customers.findById(customerId);
    if (!customer || (options.onlyIfNamed !== undefined && customer.name !== options.onlyIfNamed)) return null;
    if (customer.name === trimmed) return customer;
    const renamed = await tx.customers.update(customerId, { name: trimmed }, deps.clock.now());
    for (const ticket of await tx.tickets.listForCustomer(customerId)) {
      const view = await tx.tickets.findView(ticket.id);
      if (view) emit({ type: 'ticket.updated', ticketId: view.id, customerId, payload: { ticket: view, changes: ['customer'] } });
    }
    return renamed;
  });
}
