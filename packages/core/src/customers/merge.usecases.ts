import type { TicketScope } from '../auth/ticket.policy.ts';
import type { Repositories } from '../ports/repositories.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import { mergeInTx } from './merge-steps.ts';
import { canSeeCustomer } from './merge.rules.ts';
import type { Customer } from './customer.types.ts';
import type { CustomerMerge } from './merge.types.ts';
import { unmergeInTx } from './unmerge-steps.ts';

/** Who acts, and which tickets they may see: both customers must be visible through one of their tickets. */
export interface MergeActor {
  userId: number;
  scope: TicketScope;
}

/** An agent merges `mergedId` into `survivorId` (docs/customers.md §Links): one transaction, undoable. */
export async function mergeCustomers(deps: CoreDeps, input: { survivorId: number; mergedId: number; actor: MergeActor }): Promise<CustomerMerge> {
  return commit(deps, async (tx, emit) => {
    for (const customerId of new Set([input.survivorId, input.mergedId])) await assertVisible(tx, customerId, input.actor.scope);
    return mergeInTx({ tx, emit, now: deps.clock.now() }, { survivorId: input.survivorId, mergedId: input.mergedId, reason: 'manual', evidence: {}, actorUserId: input.actor.userId });
  });
}

export async function unmergeCustomers(deps: CoreDeps, input: { mergeId: number; actor: MergeActor }): Promise<CustomerMerge> {
  return commit(deps, async (tx, emit) => {
    const merge = await tx.customerMerges.findById(input.mergeId);
    if (!merge) throw new AppError('customer.merge_not_found', `Merge ${input.mergeId} does not exist`, { mergeId: input.mergeId });
    // While merged, everything of both is the survivor's: seeing the survivor is seeing the merge.
    await assertVisible(tx, merge.survivorId, input.actor.scope);
    return unmergeInTx({ tx, emit, now: deps.clock.now() }, input.mergeId, input.actor.userId);
  });
}

export interface MergeHistoryEntry {
  merge: CustomerMerge;
  survivorName: string;
  mergedName: string;
  actorName: string | null;
  undoneByName: string | null;
}

/** The merges the customer took part in, newest first, with who did and undid each. */
export async function customerMergeHistory(deps: CoreDeps, customerId: number, scope: TicketScope): Promise<MergeHistoryEntry[]> {
  const db = deps.db;
  await assertVisible(db, customerId, scope);
  const merges = await db.customerMerges.listForCustomer(customerId);
  const names = new Map<string, string | null>();
  const nameOf = async (kind: 'user' | 'customer', id: number | null): Promise<string | null> => {
    if (id === null) return null;
    const key = `${kind}:${id}`;
    if (!names.has(key)) names.set(key, kind === 'user' ? ((await db.users.findById(id))?.name ?? null) : ((await db.customers.findById(id))?.name ?? null));
    return names.get(key) ?? null;
  };
  const entries: MergeHistoryEntry[] = [];
  for (const merge of merges) {
    entries.push({
      merge,
      survivorName: (await nameOf('customer', merge.survivorId)) ?? '',
      mergedName: (await nameOf('customer', merge.mergedId)) ?? '',
      actorName: await nameOf('user', merge.actorUserId),
      undoneByName: await nameOf('user', merge.undoneByUserId),
    });
  }
  return entries;
}

/**
 * `customer.not_found` for a customer none of whose tickets the actor may see: never confirm one exists.
 * A merged customer has no tickets of their own; they are seen through whoever holds them now.
 */
export async function assertVisible(db: Pick<Repositories, 'customers' | 'tickets'>, customerId: number, scope: TicketScope): Promise<void> {
  const customer = await customerHolding(db, customerId);
  const visible = customer !== null && (scope.kind === 'all' || canSeeCustomer(scope, await db.tickets.listForCustomer(customer.id)));
  if (!visible) throw new AppError('customer.not_found', `Customer ${customerId} does not exist`, { customerId });
}

/**
 * The customer who holds this one now: itself, or, for a merged customer, the survivor at the end of its
 * merges (a survivor may have been merged on in turn). Null for a customer that does not exist.
 */
export async function customerHolding(db: Pick<Repositories, 'customers'>, customerId: number): Promise<Customer | null> {
  let customer = await db.customers.findById(customerId);
  // Merges form a chain, never a cycle (a merged customer cannot be merged again); the bound is a guard.
  for (let hops = 0; customer?.mergedIntoId && hops < 20; hops += 1) customer = await db.customers.findById(customer.mergedIntoId);
  return customer;
}
