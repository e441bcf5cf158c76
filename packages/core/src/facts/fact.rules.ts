import type { Language } from '../customers/customer.types.ts';
import { AppError } from '../shared/errors.ts';
import type { ComplaintCategory, FactDefinition, ProposedFact, TicketFact } from './fact.types.ts';

type Category = Pick<ComplaintCategory, 'key' | 'facts'>;
type Confirmed = readonly Pick<TicketFact, 'key' | 'value'>[];

/** A proposal offered for one fact of the checklist. */
export type FactProposal = ProposedFact & { factKey: string };

/**
 * What to offer for confirmation: for each fact of the category not confirmed yet, the proposals of its
 * kind, minus values already confirmed elsewhere (the order number the agent took is not also offered
 * as the tracking number's twin).
 */
export function proposalsFor(category: Category | null, confirmed: Confirmed, proposals: readonly ProposedFact[]): FactProposal[] {
  if (!category) return [];
  const confirmedKeys = new Set(confirmed.map((fact) => fact.key));
  const confirmedValues = new Set(confirmed.map((fact) => fact.value));
  return category.facts
    .filter((definition) => definition.kind !== 'text' && !confirmedKeys.has(definition.key))
    .flatMap((definition) =>
      proposals.filter((proposal) => proposal.kind === definition.kind && !confirmedValues.has(proposal.value)).map((proposal) => ({ ...proposal, factKey: definition.key })),
    );
}

/** Required facts of the category still without a confirmed value. */
export function missingFacts(category: Category | null, confirmed: readonly Pick<TicketFact, 'key'>[]): FactDefinition[] {
  if (!category) return [];
  const keys = new Set(confirmed.map((fact) => fact.key));
  return category.facts.filter((definition) => definition.required && !keys.has(definition.key));
}

/** The questions an agent can send for what is still missing, in the customer's language. */
export function suggestQuestions(category: Category | null, confirmed: readonly Pick<TicketFact, 'key'>[], language: Language): { key: string; question: string }[] {
  return missingFacts(category, confirmed).map((definition) => ({ key: definition.key, question: definition.question[language] }));
}

/** The definition of `key` in the ticket's category; `fact.unknown` when there is none (or no category yet). */
export function validateFactKey(category: Category | null, key: string): FactDefinition {
  const definition = category?.facts.find((fact) => fact.key === key);
  if (!definition) {
    throw new AppError('fact.unknown', category ? `Category ${category.key} has no fact ${key}` : 'Choose the ticket\'s category before recording its facts', {
      category: category?.key ?? null,
      key,
    });
  }
  return definition;
}
