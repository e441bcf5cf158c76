/*
 * The phrase bank's door to core's rules (the empathy slice writes them in packages/core/src/phrases/
 * in parallel); the stand-ins below keep the console running until the merge swaps them for core's.
 */
import type { CustomerCharacteristic, Language, PhrasePlaceholder } from '@keluh/core';
import type { PhraseDto } from '@keluh/contracts';

export { phrasePlaceholders, type PhrasePlaceholder } from '@keluh/core';

export interface PhraseContext {
  language: Language;
  characteristic: CustomerCharacteristic;
  /** The customer's latest message read angry or urgent. */
  intense: boolean;
  /** The fault flag says it is not ours. */
  notOurFault: boolean;
}

// replaced by @keluh/core at merge
/** Same language first, then the customer's characteristic, then intensity, then the fault wording. */
export function pickVariants(phrases: readonly PhraseDto[], context: PhraseContext): PhraseDto[] {
  const score = (p: PhraseDto) =>
    (p.language === context.language ? 8 : 0) +
    (p.tone === context.characteristic ? 4 : p.tone === 'neutral' ? 1 : 0) +
    ((p.intensity === 'high') === context.intense ? 2 : 0) +
    (p.notOurFault === context.notOurFault ? 1 : 0);
  return [...phrases].sort((a, b) => score(b) - score(a) || a.stage - b.stage || a.title.localeCompare(b.title));
}

// replaced by @keluh/core at merge
/** Every typed word must appear in the title, key or body; accents and case do not matter. */
export function filterPhrases(phrases: readonly PhraseDto[], query: string): PhraseDto[] {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  return phrases.filter((p) => words.every((word) => fold(`${p.title} ${p.key} ${p.body}`).includes(word)));
}

// replaced by @keluh/core at merge
/** Fills `{placeholder}`s; a value we do not have becomes a visible marker the agent must replace. */
export function renderPhrase(body: string, values: Partial<Record<PhrasePlaceholder, string | null>>, marker: (name: PhrasePlaceholder) => string): string {
  return body.replace(/\{(customer_name|order_number|topic|agent_name)\}/g, (_, name: PhrasePlaceholder) => values[name]?.trim() || marker(name));
}
