import type { NewResolutionRecord } from './resolution.types.ts';
import { commonRank } from './common-words.ts';

/**
 * The one tokeniser both search engines see: the record's document and the query's terms go through it,
 * so SQLite FTS5 and PostgreSQL's 'simple' configuration index exactly the same words. Case and accents
 * are folded, and anything that is not a letter or digit separates words — an order number
 * `INV/2026/11/0042` becomes `inv 2026 11 0042` on both engines (PostgreSQL's own parser would keep it as
 * one "file path" token that no query term matches).
 */
export function searchTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/** Longest token worth indexing: anything longer is noise (a pasted hash, a run of letters). */
const MAX_TOKEN_LENGTH = 40;

/** What the full-text index holds for a record: every field a similar case can share with a new ticket. */
export function resolutionSearchText(record: Pick<NewResolutionRecord, 'category' | 'facts' | 'customerText' | 'rootCause' | 'rootCauseNote' | 'solution'>): string {
  const fields = [record.category, ...Object.values(record.facts), record.customerText, record.rootCause, record.rootCauseNote, record.solution];
  return fields
    .filter((field): field is string => typeof field === 'string')
    .flatMap(searchTokens)
    .filter((token) => token.length <= MAX_TOKEN_LENGTH)
    .join(' ');
}

export const hasDigit = (term: string) => /\p{N}/u.test(term);

/**
 * How telling a term is, for engines without document frequencies (PostgreSQL's ts_rank has no idf):
 * ids and numbers 3, a word off the common list 2, a common word between 0.5 and 1 (rarer ones higher).
 */
export function termWeight(term: string): number {
  if (hasDigit(term)) return 3;
  const rank = commonRank(term);
  if (rank === null) return 2;
  return 0.5 + Math.min(rank, 100) / 200;
}

/**
 * The terms an index may be asked for: whatever a caller passes is tokenised again, so a term can only
 * ever be a run of letters and digits — never an operator, quote or parenthesis of either engine's
 * query syntax. Order (rarest first) is kept; duplicates and overlong tokens go.
 */
export function indexableTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.flatMap(searchTokens).filter((token) => token.length <= MAX_TOKEN_LENGTH))];
}

/** Relevance relative to the best hit of the query (1), rounded so both engines print alike. */
export function normaliseScores<T extends { score: number }>(hits: readonly T[]): T[] {
  const best = Math.max(0, ...hits.map((hit) => hit.score));
  return hits.map((hit) => ({ ...hit, score: best > 0 ? Math.round((hit.score / best) * 10_000) / 10_000 : 1 }));
}

/** How much a past case of the ticket's own category counts above an otherwise equal one. */
export const SAME_CATEGORY_BOOST = 1.5;
