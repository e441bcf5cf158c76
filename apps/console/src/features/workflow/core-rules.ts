/*
 * The one door from the workflow feature to core's rules: components and stores import from here, never
 * re-derive a rule. Names core already has are re-exported; the rest are written by the workflow and
 * empathy slices in parallel, so a minimal stand-in lives below until the merge swaps it for core's.
 */
import type { ComplaintCategory, FactDefinition, ProposedFact, TicketFact, UserRole } from './core-types.ts';

export { faults, stageKeyOf, stageKeys, workflowStages, type Fault, type StageKey } from '@keluh/core';

// replaced by @keluh/core at merge
export type Permission = 'channels.configure' | 'workflow.configure' | 'workflow.supervise' | 'testimonials.moderate' | 'recovery.manage' | 'visitors.revoke';
// replaced by @keluh/core at merge
const permissions: Record<UserRole, readonly Permission[]> = {
  admin: ['channels.configure', 'workflow.configure', 'workflow.supervise', 'testimonials.moderate', 'recovery.manage', 'visitors.revoke'],
  supervisor: ['workflow.supervise', 'testimonials.moderate', 'recovery.manage', 'visitors.revoke'],
  agent: [],
};
// replaced by @keluh/core at merge
export function can(user: { role: UserRole } | null | undefined, permission: Permission): boolean {
  return user ? permissions[user.role].includes(permission) : false;
}

// Core's extractor itself, not a copy: the stand-in missed courier numbers (J&T `JP…`) and dates, so a
// fact the customer wrote was never proposed (design.md §11: the console never re-implements a rule).
export { extractFacts } from '@keluh/core';

export interface FactProposal {
  definition: FactDefinition;
  proposal: ProposedFact;
}

// replaced by @keluh/core at merge
/** For each fact of the category not confirmed yet, the newest proposal of its kind. */
export function proposalsFor(category: ComplaintCategory | null, confirmed: readonly TicketFact[], proposed: readonly ProposedFact[]): FactProposal[] {
  if (!category) return [];
  const done = new Set(confirmed.map((fact) => fact.key));
  return category.facts.flatMap((definition) => {
    if (done.has(definition.key) || definition.kind === 'text') return [];
    const proposal = proposed.filter((p) => p.kind === definition.kind).at(-1);
    return proposal ? [{ definition, proposal }] : [];
  });
}

// replaced by @keluh/core at merge
/** The questions an agent can send for the required facts still missing, in the customer's language. */
export function suggestQuestions(category: ComplaintCategory | null, confirmed: readonly TicketFact[], language: 'id' | 'en'): { key: string; text: string }[] {
  if (!category) return [];
  const done = new Set(confirmed.map((fact) => fact.key));
  return category.facts.filter((fact) => fact.required && !done.has(fact.key)).map((fact) => ({ key: fact.key, text: fact.question[language] }));
}
