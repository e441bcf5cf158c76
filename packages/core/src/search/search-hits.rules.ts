import type { SearchHighlight, SearchHit, SearchPlan, SearchRow, SearchSnippet } from './search.types.ts';

/** Longest snippet shown for a message; a customer's or ticket's text is shown whole up to this too. */
export const SNIPPET_LENGTH = 160;
/** Letters of context kept before the first match when a long message is cut. */
const LEAD = 50;

const fold = (token: string) => token.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

interface Token {
  start: number;
  end: number;
  folded: string;
}

function tokensOf(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, folded: fold(match[0]) }));
}

type PlanWord = SearchPlan['words'][number];

/** As the index matched: a customer's words by prefix, everything else by affixed form. */
function matches(word: PlanWord, token: Token, byPrefix: boolean): boolean {
  return byPrefix ? word.prefixes.some((prefix) => token.folded.startsWith(prefix)) : word.words.includes(token.folded);
}

/**
 * How well a row answers the query: per query word, 2 when the row has it as typed (or, for a customer,
 * a word it starts), 1 when only an affixed form. Both engines find the same rows; ranking them here
 * keeps the order the same on both, whatever each engine's own scorer would say.
 */
function scoreOf(plan: SearchPlan, tokens: readonly Token[], byPrefix: boolean): number {
  return plan.words.reduce((sum, word) => {
    const exact = tokens.some((token) => token.folded === word.typed || (byPrefix && token.folded.startsWith(word.typed)));
    return sum + (exact ? 2 : tokens.some((token) => matches(word, token, byPrefix)) ? 1 : 0);
  }, 0);
}

export function snippetOf(text: string, plan: SearchPlan, byPrefix: boolean): SearchSnippet {
  const tokens = tokensOf(text);
  const hits = tokens.filter((token) => plan.words.some((word) => matches(word, token, byPrefix)));
  let from = 0;
  if (text.length > SNIPPET_LENGTH && hits[0] && hits[0].start > LEAD) {
    // Cut at a word's start, so the snippet never opens on half a word.
    from = tokens.find((token) => token.start >= hits[0]!.start - LEAD)?.start ?? hits[0].start;
  }
  const to = Math.min(text.length, from + SNIPPET_LENGTH);
  const lead = from > 0 ? '…' : '';
  const highlights: SearchHighlight[] = hits
    .filter((token) => token.start >= from && token.end <= to)
    .map((token): SearchHighlight => [token.start - from + lead.length, token.end - from + lead.length]);
  return { text: `${lead}${text.slice(from, to)}${to < text.length ? '…' : ''}`, highlights };
}

/** The rows of one kind as hits: best first, the newest first among equals, at most `limit`. */
export function toSearchHits(plan: SearchPlan, rows: readonly SearchRow[], limit: number): SearchHit[] {
  const scored = rows.map((row) => {
    const byPrefix = row.kind === 'customer';
    return { row, byPrefix, score: scoreOf(plan, tokensOf(row.text), byPrefix) };
  });
  scored.sort((a, b) => b.score - a.score || (a.row.at < b.row.at ? 1 : a.row.at > b.row.at ? -1 : b.row.id - a.row.id));
  const best = Math.max(1, ...scored.map((entry) => entry.score));
  return scored.slice(0, limit).map(({ row, byPrefix, score }) => ({
    kind: row.kind,
    id: row.id,
    ticketId: row.ticketId,
    customerId: row.customerId,
    customerName: row.customerName,
    snippet: snippetOf(row.text, plan, byPrefix),
    rank: Math.round((score / best) * 10_000) / 10_000,
    at: row.at,
  }));
}
