import type { TicketPriority } from '../tickets/ticket.types.ts';
import { ticketPriorities } from '../tickets/ticket.types.ts';
import type { PhraseIntensity } from '../phrases/phrase.types.ts';
import type { EmotionCue, EmotionLevel, EmotionReading } from './emotion.types.ts';
import { acronyms, emojiWeights } from './emotion.lexicon.ts';
import { lookUp, matchPhrase } from './emotion.match.ts';
import { tokenize } from './emotion.tokens.ts';

/** Caps on the signals, so one long "!!!!!!!!" or a paragraph in capitals does not outweigh the words. */
const MAX_CAPITALS = 25;
const MAX_MARKS = 24;
const MAX_STRETCHED = 15;
const MAX_EMOJI = 32;
/** A word this close to an intensifier ("kecewa banget", "very slow") counts for more. */
const INTENSIFIER_REACH = 2;
const INTENSIFIER_POINTS = 12;

/**
 * Reads how angry and how urgent one customer message sounds, from the words of the lexicon and the
 * signals around them (!!!, ???, CAPITALS, stretched letters, angry emoji). Every point has a cue, so
 * the agent sees why; negation ("tidak masalah", "no rush") takes points away.
 */
export function readEmotion(text: string): EmotionReading {
  const tokens = tokenize(text);
  const state: ScoreState = { cues: [], spent: { capitals: 0, marks: 0, stretched: 0, emoji: 0 } };
  const { cues } = state;
  let capsWords = 0;
  let letterWords = 0;
  let lastAngerAt = -10;
  let intensifierAt = -10;
  let skipUntil = -1;

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'marks') {
      const weight = capped(state, 'marks', MAX_MARKS, marksWeight(token.bangs, token.questions));
      add(cues, { dimension: 'anger', kind: 'exclamations', text: token.raw, weight });
      // Repeated "!!!" presses as well as it protests.
      if (token.bangs >= 2) add(cues, { dimension: 'urgency', kind: 'exclamations', text: token.raw, weight: weight > 0 ? 6 : 0 });
      continue;
    }
    if (token.kind === 'emoji') {
      add(cues, { dimension: 'anger', kind: 'emoji', text: token.raw, weight: capped(state, 'emoji', MAX_EMOJI, emojiWeights.get(token.raw) ?? 0) });
      continue;
    }
    if (!token.number) letterWords++;
    if (token.caps && !token.number && !acronyms.has(token.raw)) {
      capsWords++;
      add(cues, { dimension: 'anger', kind: 'capitals', text: token.raw, weight: capped(state, 'capitals', MAX_CAPITALS, 5) });
    }
    if (token.stretched) add(cues, { dimension: 'anger', kind: 'repetition', text: token.raw, weight: capped(state, 'stretched', MAX_STRETCHED, 8) });
    if (index <= skipUntil) continue;

    const phrase = matchPhrase(tokens, index);
    if (phrase) {
      const span = tokens.slice(index, index + phrase.tokens.length).map((t) => t.raw).join(' ');
      add(cues, { dimension: 'anger', kind: 'phrase', text: span, weight: phrase.anger });
      add(cues, { dimension: 'urgency', kind: 'phrase', text: span, weight: phrase.urgency });
      if (phrase.anger > 0) lastAngerAt = index + phrase.tokens.length - 1;
      skipUntil = index + phrase.tokens.length - 1;
      continue;
    }

    const entry = lookUp(token.word);
    if (!entry) continue;
    if (entry.negator) {
      const next = tokens[index + 1];
      const nextEntry = next?.kind === 'word' ? lookUp(next.word) : undefined;
      if (next && nextEntry && (nextEntry.calmWhenNegated || nextEntry.positive || (nextEntry.anger ?? 0) > 0)) {
        const span = `${token.raw} ${next.raw}`;
        skipUntil = index + 1;
        if (nextEntry.positive) {
          add(cues, { dimension: 'anger', kind: 'phrase', text: span, weight: 26 });
          lastAngerAt = index + 1;
        } else if (nextEntry.calmWhenNegated) {
          add(cues, { dimension: 'anger', kind: 'negation', text: span, weight: nextEntry.calmWhenNegated.anger });
          add(cues, { dimension: 'urgency', kind: 'negation', text: span, weight: nextEntry.calmWhenNegated.urgency });
        } else {
          // "nggak marah kok": the anger word is denied, so it does not count.
          add(cues, { dimension: 'anger', kind: 'negation', text: span, weight: -4 });
        }
        continue;
      }
    }
    if (entry.intensifier) {
      if (index - lastAngerAt <= INTENSIFIER_REACH) {
        add(cues, { dimension: 'anger', kind: 'word', text: token.raw, weight: INTENSIFIER_POINTS });
        lastAngerAt = -10;
      } else intensifierAt = index;
      continue;
    }
    add(cues, { dimension: 'anger', kind: 'word', text: token.raw, weight: entry.anger ?? 0 });
    add(cues, { dimension: 'urgency', kind: 'word', text: token.raw, weight: entry.urgency ?? 0 });
    if ((entry.anger ?? 0) >= 5) {
      if (index - intensifierAt <= INTENSIFIER_REACH) {
        add(cues, { dimension: 'anger', kind: 'word', text: tokens[intensifierAt]!.raw, weight: INTENSIFIER_POINTS });
        intensifierAt = -10;
      } else lastAngerAt = index;
    }
  }
  // A message mostly in capitals is shouting as a whole, beyond its capitalised words one by one.
  if (capsWords >= 3 && capsWords >= letterWords * 0.6) {
    add(cues, { dimension: 'anger', kind: 'capitals', text: 'message in capitals', weight: 12 });
    add(cues, { dimension: 'urgency', kind: 'capitals', text: 'message in capitals', weight: 12 });
  }
  return readingOf(cues);
}

interface ScoreState {
  cues: EmotionCue[];
  spent: { capitals: number; marks: number; stretched: number; emoji: number };
}

// Module-level rather than closures inside readEmotion: nothing is allocated per call but the cues.
function add(cues: EmotionCue[], cue: EmotionCue): void {
  if (cue.weight !== 0) cues.push(cue);
}

/** What is left of a signal's cap, taken from it. */
function capped(state: ScoreState, key: keyof ScoreState['spent'], max: number, weight: number): number {
  const allowed = Math.max(Math.min(weight, max - state.spent[key]), 0);
  state.spent[key] += allowed;
  return allowed;
}

function readingOf(cues: EmotionCue[]): EmotionReading {
  let anger = 0;
  let urgency = 0;
  for (const cue of cues) {
    if (cue.dimension === 'anger') anger += cue.weight;
    else urgency += cue.weight;
  }
  anger = clamp(anger);
  urgency = clamp(urgency);
  return { anger, urgency, level: levelFor(anger), urgent: urgency >= 60, cues };
}

export function levelFor(anger: number): EmotionLevel {
  if (anger >= 75) return 'angry';
  if (anger >= 50) return 'upset';
  if (anger >= 25) return 'concerned';
  return 'calm';
}

/** What the reading calls for (angry → high, urgent → high, both → urgent), never below the current one. */
export function priorityFor(reading: EmotionReading, current: TicketPriority): TicketPriority {
  const angry = reading.level === 'angry';
  const calledFor: TicketPriority | null = angry && reading.urgent ? 'urgent' : angry || reading.urgent ? 'high' : null;
  if (!calledFor) return current;
  return ticketPriorities.indexOf(calledFor) > ticketPriorities.indexOf(current) ? calledFor : current;
}

/** The phrase variants to offer first: `high` once the customer reads upset or worse, or urgent. */
export function phraseIntensityFor(reading: EmotionReading | null): PhraseIntensity {
  if (!reading) return 'normal';
  return reading.urgent || reading.level === 'upset' || reading.level === 'angry' ? 'high' : 'normal';
}

/** Cues as the timeline states them: "kecewa (+22 anger)". */
export function describeCues(reading: EmotionReading): string[] {
  return reading.cues.filter((cue) => cue.weight > 0).map((cue) => `${cue.text} (+${cue.weight} ${cue.dimension})`);
}

function marksWeight(bangs: number, questions: number): number {
  if (bangs > 0 && questions > 0) return 8 + Math.min(bangs + questions - 2, 4);
  if (bangs >= 2) return 6 + Math.min((bangs - 2) * 2, 8);
  if (questions >= 2) return 5 + Math.min(questions - 2, 3);
  return 0;
}

const clamp = (value: number) => Math.max(0, Math.min(100, Math.round(value)));
