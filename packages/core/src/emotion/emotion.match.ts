import { lexicon, numberWords, phrases, type PhraseEntry, type WordEntry } from './emotion.lexicon.ts';
import type { Token } from './emotion.tokens.ts';

type WordToken = Extract<Token, { kind: 'word' }>;

// Indexed by first word once, so matching a message costs one map look-up per word.
const phrasesByFirst = new Map<string, PhraseEntry[]>();
const noPhrases: PhraseEntry[] = [];
for (const phrase of phrases) {
  const first = phrase.tokens[0]!;
  for (const key of first === '#' ? ['#'] : first) phrasesByFirst.set(key, [...(phrasesByFirst.get(key) ?? []), phrase]);
}
// Longest first: "gak ada respon" is worth more than the "gak ada" it starts with.
for (const list of phrasesByFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

/** The longest lexicon phrase starting at this word, if any. */
export function matchPhrase(tokens: readonly Token[], start: number): PhraseEntry | null {
  const first = tokens[start] as WordToken;
  for (const phrase of phrasesByFirst.get(first.word) ?? noPhrases) if (matchesAt(tokens, start, phrase)) return phrase;
  if (isNumber(first)) for (const phrase of phrasesByFirst.get('#') ?? noPhrases) if (matchesAt(tokens, start, phrase)) return phrase;
  return null;
}

function matchesAt(tokens: readonly Token[], start: number, phrase: PhraseEntry): boolean {
  for (let offset = 0; offset < phrase.tokens.length; offset++) if (!fits(tokens[start + offset], phrase.tokens[offset]!)) return false;
  return true;
}

function fits(token: Token | undefined, part: PhraseEntry['tokens'][number]): boolean {
  if (token?.kind !== 'word') return false;
  return part === '#' ? isNumber(token) : part.includes(token.word);
}

function isNumber(token: WordToken): boolean {
  return token.number || numberWords.has(token.word);
}

/** The word as written, then the first half of "buru-buru" / "buru2", then without doubled letters ("kecewaa"). */
export function lookUp(word: string): WordEntry | undefined {
  const direct = lexicon.get(word);
  if (direct) return direct;
  const dash = word.indexOf('-');
  if (dash > 0) return lexicon.get(word.slice(0, dash));
  // Chat shorthand for reduplication: "muter2", "buru2".
  if (word.length > 2 && word.endsWith('2')) return lexicon.get(word.slice(0, -1));
  const single = withoutDoubles(word);
  return single === word ? undefined : lexicon.get(single);
}

/** "kecewaa" → "kecewa"; the same string back when nothing doubles, so most words cost one loop. */
function withoutDoubles(word: string): string {
  let index = 1;
  while (index < word.length && word.charCodeAt(index) !== word.charCodeAt(index - 1)) index++;
  if (index >= word.length) return word;
  let out = word.slice(0, index);
  for (; index < word.length; index++) if (word.charCodeAt(index) !== word.charCodeAt(index - 1)) out += word[index];
  return out;
}
