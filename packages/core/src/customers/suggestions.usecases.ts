import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { TicketScope } from '../auth/ticket.policy.ts';
import { mergeInTx } from './merge-steps.ts';
import { assertVisible, type MergeActor } from './merge.usecases.ts';
import type { CustomerMerge, CustomerSuggestion } from './merge.types.ts';

export type TicketSuggestion = CustomerSuggestion & { candidateName: string };

/** The ticket's open questions whose candidate is still a customer of their own and visible to the reader. */
export async function listTicketSuggestions(deps: CoreDeps, ticketId: number, scope: TicketScope): Promise<TicketSuggestion[]> {
  const ticket = await deps.db.tickets.findById(ticketId);
  if (!ticket) throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
  const shown: TicketSuggestion[] = [];
  for (const suggestion of await deps.db.customerSuggestions.listPendingForTicket(ticketId)) {
    const candidate = await deps.db.customers.findById(suggestion.candidateId);
    // Merged meanwhile (either way) or out of the reader's sight: nothing to decide here.
    if (!candidate || candidate.mergedIntoId !== null || suggestion.customerId !== ticket.customerId) continue;
    if (!(await assertVisible(deps.db, candidate.id, scope).then(() => true, () => false))) continue;
    shown.push({ ...suggestion, candidateName: candidate.name });
  }
  return shown;
}

/** Confirming merges the ticket's customer into the candidate, the person already known, with reason `suggestion`. */
export async function confirmSuggestion(deps: CoreDeps, input: { suggestionId: number; actor: MergeActor }): Promise<{ suggestion: CustomerSuggestion; merge: CustomerMerge }> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const pending = await tx.customerSuggestions.findById(input.suggestionId);
    if (!pending) throw new AppError('suggestion.not_found', `Suggestion ${input.suggestionId} does not exist`);
    await assertVisible(tx, pending.candidateId, input.actor.scope);
    // Decided first, conditionally: of two agents confirming at once only one merges. A refused merge
    // (either side merged meanwhile) rolls the decision back with it.
    const suggestion = await tx.customerSuggestions.decide(pending.id, 'confirmed', input.actor.userId, now);
    if (!suggestion) throw new AppError('suggestion.decided', `Suggestion ${pending.id} was decided already`, { state: pending.state });
    const merge = await mergeInTx(
      { tx, emit, now },
      { survivorId: suggestion.candidateId, mergedId: suggestion.customerId, reason: 'suggestion', evidence: { suggestionId: suggestion.id }, actorUserId: input.actor.userId },
    );
    emit({ type: 'suggestion.updated', ticketId: suggestion.ticketId, customerId: null, payload: { suggestion } });
    return { suggestion, merge };
  });
}

/** Rejecting is remembered: the pair is never suggested again. */
export async function rejectSuggestion(deps: CoreDeps, input: { suggestionId: number; actor: MergeActor }): Promise<CustomerSuggestion> {
  return commit(deps, async (tx, emit) => {
    const pending = await tx.customerSuggestions.findById(input.suggestionId);
    if (!pending) throw new AppError('suggestion.not_found', `Suggestion ${input.suggestionId} does not exist`);
    const suggestion = await tx.customerSuggestions.decide(pending.id, 'rejected', input.actor.userId, deps.clock.now());
    if (!suggestion) throw new AppError('suggestion.decided', `Suggestion ${pending.id} was decided already`, { state: pending.state });
    emit({ type: 'suggestion.updated', ticketId: suggestion.ticketId, customerId: null, payload: { suggestion } });
    return suggestion;
  });
}
