/*
 * The one door from the workflow feature to core's rules: components and stores import from here, never
 * re-derive a rule. Names core already has are re-exported; the rest are written by the workflow and
 * empathy slices in parallel, so a minimal stand-in lives below until the merge swaps it for core's.
 */
import type { ComplaintCategory, FactDefinition, MessageDto, ProposedFact, TicketFact, UserRole } from './core-types.ts';

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

// replaced by @keluh/core at merge
const patterns: { kind: ProposedFact['kind']; pattern: RegExp; normalise: (raw: string) => string }[] = [
  { kind: 'order_number', pattern: /#?\bINV[-/][A-Z0-9/-]+|(?<=\b(?:order|pesanan)\s#?)[A-Z0-9]{6,}/gi, normalise: (raw) => raw.replace(/^#/, '').toUpperCase() },
  { kind: 'amount', pattern: /\b(?:Rp|IDR)\s?\d{1,3}(?:\.\d{3})+|\bRp\s?\d+rb\b/gi, normalise: (raw) => amountOf(raw) },
  { kind: 'email', pattern: /\b[\w.+-]+@[\w-]+\.[\w.]+\b/g, normalise: (raw) => raw.toLowerCase() },
  { kind: 'phone', pattern: /(?:\+62|\b0)8\d{2}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/g, normalise: (raw) => `+62${raw.replace(/\D/g, '').replace(/^(62|0)/, '')}` },
];

function amountOf(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return /rb$/i.test(raw) ? `${digits}000` : digits;
}

// replaced by @keluh/core at merge
export function extractFacts(messages: readonly Pick<MessageDto, 'id' | 'body' | 'direction'>[]): ProposedFact[] {
  const found: ProposedFact[] = [];
  for (const message of messages) {
    if (message.direction !== 'in') continue;
    for (const { kind, pattern, normalise } of patterns) {
      for (const match of message.body.matchAll(pattern)) {
        found.push({ kind, value: normalise(match[0]), raw: match[0], messageId: message.id, start: match.index, end: match.index + match[0].length });
      }
    }
  }
  return found;
}

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
