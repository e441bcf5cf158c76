import type { CustomerCharacteristic, Language } from '../customers/customer.types.ts';
import type { WorkflowStage } from '../tickets/ticket.types.ts';
import type { Fault } from '../workflow/stage.types.ts';
import type { Phrase, PhraseIntensity } from './phrase.types.ts';

export interface PhraseContext {
  /** The language the customer writes in (the reply goes out in it). */
  language: Language;
  characteristic: CustomerCharacteristic | null;
  /** From the customer's latest reading: phraseIntensityFor(message.emotion). */
  intensity: PhraseIntensity;
  /** Null while nobody has said; then apologising wording (notOurFault false) comes first. */
  fault: Fault | null;
  /** Only this stage's phrases when given. */
  stage?: WorkflowStage;
}

/**
 * Orders the bank for one ticket, as docs/workflow.md §Stage 1 sets out: the customer's language first,
 * then the intensity matching their emotion (a furious customer needs the deep apology before any
 * welcome, however new they are), then the tone written for their characteristic (then neutral, then
 * other tones), then notOurFault matching the fault flag. Ties keep key and id order, so the
 * list does not reshuffle between two looks.
 */
export function pickVariants(phrases: readonly Phrase[], context: PhraseContext): Phrase[] {
  const notOurs = context.fault !== null && context.fault !== 'ours';
  const rank = (phrase: Phrase): number[] => [
    phrase.language === context.language ? 0 : 1,
    phrase.intensity === context.intensity ? 0 : 1,
    phrase.tone === context.characteristic ? 0 : phrase.tone === 'neutral' ? 1 : 2,
    phrase.notOurFault === notOurs ? 0 : 1,
  ];
  const ranked = phrases.filter((phrase) => context.stage === undefined || phrase.stage === context.stage).map((phrase) => ({ phrase, rank: rank(phrase) }));
  ranked.sort((a, b) => compareRanks(a.rank, b.rank) || a.phrase.key.localeCompare(b.phrase.key) || a.phrase.id - b.phrase.id);
  return ranked.map((entry) => entry.phrase);
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return a[index]! - b[index]!;
  return 0;
}

const combiningMarks = /\p{M}+/gu;
const wordSeparators = /[^\p{L}\p{N}]+/u;

/** Lower case without accents, so "cafe" finds "Café" and "maaf" finds "Maaf". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(combiningMarks, '').toLowerCase();
}

/**
 * The phrases whose title or body hold every word typed (accents and case ignored), as the `/` picker
 * filters while the agent types: words that start with what was typed rank before words that only
 * contain it, and a title hit before a body hit. An empty query keeps the given order.
 */
export function filterPhrases(phrases: readonly Phrase[], query: string): Phrase[] {
  const terms = foldText(query).split(wordSeparators).filter(Boolean);
  if (terms.length === 0) return [...phrases];
  const scored: { phrase: Phrase; score: number; order: number }[] = [];
  phrases.forEach((phrase, order) => {
    const title = foldText(phrase.title).split(wordSeparators);
    const body = foldText(phrase.body).split(wordSeparators);
    let score = 0;
    for (const term of terms) {
      const hit = termScore(term, title, body);
      if (hit === 0) return;
      score += hit;
    }
    scored.push({ phrase, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((entry) => entry.phrase);
}

/** A word starting with the term beats one containing it; within each, the title beats the body. 0: no match. */
function termScore(term: string, title: readonly string[], body: readonly string[]): number {
  if (title.some((word) => word.startsWith(term))) return 4;
  if (body.some((word) => word.startsWith(term))) return 3;
  if (title.some((word) => word.includes(term))) return 2;
  return body.some((word) => word.includes(term)) ? 1 : 0;
}
