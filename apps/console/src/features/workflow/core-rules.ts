/*
 * The one door from the workflow feature to core's rules: components and stores import from here, never
 * re-derive a rule. Core's shapes are adapted to what the panels render, nothing more.
 */
import { proposalsFor as coreProposalsFor, suggestQuestions as coreSuggestQuestions } from '@keluh/core';
import type { ComplaintCategory, FactDefinition, ProposedFact, TicketFact } from './core-types.ts';

export { can, extractFacts, faults, stageKeyOf, stageKeys, workflowStages, type Fault, type Permission, type StageKey } from '@keluh/core';

export interface FactProposal {
  definition: FactDefinition;
  proposal: ProposedFact;
}

/** For each fact of the category not confirmed yet, what the customer's words offer for it (core decides). */
export function proposalsFor(category: ComplaintCategory | null, confirmed: readonly TicketFact[], proposed: readonly ProposedFact[]): FactProposal[] {
  if (!category) return [];
  const offered = coreProposalsFor(category, confirmed, proposed);
  return category.facts.flatMap((definition) => {
    // The newest mention of a kind is the one the customer most likely means now.
    const proposal = offered.filter((candidate) => candidate.factKey === definition.key).at(-1);
    return proposal ? [{ definition, proposal }] : [];
  });
}

/** The questions an agent can send for the required facts still missing, in the customer's language. */
export function suggestQuestions(category: ComplaintCategory | null, confirmed: readonly TicketFact[], language: 'id' | 'en'): { key: string; text: string }[] {
  return coreSuggestQuestions(category, confirmed, language).map(({ key, question }) => ({ key, text: question }));
}
