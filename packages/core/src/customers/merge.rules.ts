import { canSeeTicket, type ScopedTicket, type TicketScope } from '../auth/ticket.policy.ts';
import { AppError } from '../shared/errors.ts';
import type { Customer } from './customer.types.ts';
import type { CustomerMerge } from './merge.types.ts';

/** A customer is seen through their tickets: visible when one of them is. */
export function canSeeCustomer(scope: TicketScope, tickets: readonly ScopedTicket[]): boolean {
  return scope.kind === 'all' || tickets.some((ticket) => canSeeTicket(scope, ticket));
}

/** Refuses a merge before anything moves: the same customer, a missing one, or one merged already. */
export function assertCustomersMergeable(survivorId: number, mergedId: number, locked: readonly Customer[]): { survivor: Customer; merged: Customer } {
  if (survivorId === mergedId) throw new AppError('customer.merge_self', 'A customer cannot be merged into themselves', { customerId: survivorId });
  const survivor = locked.find((customer) => customer.id === survivorId);
  const merged = locked.find((customer) => customer.id === mergedId);
  if (!survivor || !merged) throw new AppError('customer.not_found', 'Customer does not exist', { customerId: survivor ? mergedId : survivorId });
  for (const customer of [survivor, merged]) {
    if (customer.mergedIntoId !== null) {
      throw new AppError('customer.already_merged', `Customer ${customer.id} is merged into ${customer.mergedIntoId}; undo that first, or merge into the survivor`, {
        customerId: customer.id,
        mergedIntoId: customer.mergedIntoId,
      });
    }
  }
  return { survivor, merged };
}

/** Refuses an undo that cannot be exact: undone already, or the survivor took part in a merge since. */
export function assertUndoable(merge: CustomerMerge, later: readonly CustomerMerge[]): void {
  if (merge.undoneAt !== null) throw new AppError('customer.merge_undone', `Merge ${merge.id} was undone already`, { mergeId: merge.id });
  if (later.length > 0) {
    throw new AppError('customer.merge_not_latest', `Customer ${merge.survivorId} was merged again since; undo merge ${later[0]!.id} first`, {
      mergeId: merge.id,
      laterMergeIds: later.map((other) => other.id),
    });
  }
}
