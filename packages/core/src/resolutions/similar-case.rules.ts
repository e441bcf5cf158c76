import type { ChannelKind } from '../channels/channel.types.ts';
import type { Instant } from '../shared/instant.ts';
import { commonRank } from './common-words.ts';
import type { NewResolutionRecord, SimilarCaseQuery } from './resolution.types.ts';
import { hasDigit, searchTokens } from './search-text.rules.ts';
import { stopWords } from './stopwords.ts';

/** More terms only add common words: the tail of a long complaint rarely tells cases apart. */
export const MAX_QUERY_TERMS = 24;
/** The customer's words kept on a record: enough for the story, bounded for the index. */
export const CUSTOMER_TEXT_LIMIT = 2_000;

export interface SimilarCaseInputs {
  category: string | null;
  facts: Record<string, string>;
  /** The customer's messages on the ticket, oldest first. */
  customerTexts: string[];
  rootCause: string | null;
  rootCauseNote: string | null;
  /** The ticket asking: its own record (after a reopen) must not come back as its own precedent. */
  excludeTicketId: number | null;
}

/** 0 for ids and numbers, 1 for words off the common list, 2 + rank for common words (rarer first). */
function rarity(term: string): number {
  if (hasDigit(term)) return 0;
  const rank = commonRank(term);
  return rank === null ? 1 : 2 + (1_000 - rank);
}

/**
 * The terms to search past cases with, rarest first: facts before the customer's words (what was
 * confirmed is the most specific), stop words of both languages and one-letter tokens dropped.
 */
export function similarCaseQuery(inputs: SimilarCaseInputs, limit: number): SimilarCaseQuery {
  const sources = [...Object.values(inputs.facts), inputs.rootCause ?? '', inputs.rootCauseNote ?? '', ...inputs.customerTexts];
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const token of sources.flatMap(searchTokens)) {
    if (token.length < 2 || token.length > 40 || stopWords.has(token) || seen.has(token)) continue;
    seen.add(token);
    terms.push(token);
  }
  // A stable sort: within one rarity, the order of appearance (facts first) decides.
  const ranked = terms.map((term, index) => ({ term, index, rarity: rarity(term) })).sort((a, b) => a.rarity - b.rarity || a.index - b.index);
  return {
    terms: ranked.slice(0, MAX_QUERY_TERMS).map((entry) => entry.term),
    category: inputs.category,
    excludeTicketId: inputs.excludeTicketId,
    limit,
  };
}

export interface ResolutionRecordInputs {
  ticket: { id: number; customerId: number; channel: ChannelKind; subject: string; createdAt: Instant };
  category: string | null;
  facts: Record<string, string>;
  rootCause: string | null;
  rootCauseNote: string | null;
  solution: string | null;
  customerTexts: string[];
  promiseKept: boolean | null;
  rating: number | null;
  resolvedAt: Instant;
}

/** Cuts on a code point, never inside a surrogate pair (an emoji cut in half is not valid text). */
function trimText(text: string, limit: number): string {
  const points = Array.from(text.trim());
  return points.length <= limit ? points.join('') : points.slice(0, limit).join('').trimEnd();
}

/** What a resolved complaint leaves for the next agent: the story, what fixed it and how long it took. */
export function resolutionRecordFor(inputs: ResolutionRecordInputs): NewResolutionRecord {
  const texts = inputs.customerTexts.map((text) => text.trim()).filter((text) => text.length > 0);
  return {
    ticketId: inputs.ticket.id,
    customerId: inputs.ticket.customerId,
    channel: inputs.ticket.channel,
    subject: inputs.ticket.subject,
    category: inputs.category,
    facts: { ...inputs.facts },
    rootCause: inputs.rootCause,
    rootCauseNote: inputs.rootCauseNote,
    solution: inputs.solution,
    customerText: trimText(texts.join('\n'), CUSTOMER_TEXT_LIMIT),
    // A clock step backwards must not make a negative duration that poisons every median after it.
    timeToFixMs: Math.max(0, Date.parse(inputs.resolvedAt) - Date.parse(inputs.ticket.createdAt)),
    promiseKept: inputs.promiseKept,
    rating: inputs.rating,
    resolvedAt: inputs.resolvedAt,
  };
}
