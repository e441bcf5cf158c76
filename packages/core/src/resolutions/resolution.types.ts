import type { ChannelKind } from '../channels/channel.types.ts';
import type { Instant } from '../shared/instant.ts';

/**
 * What was learnt from a resolved complaint, kept when the ticket is resolved (and refreshed when it is
 * resolved again, and when its rating arrives): the memory stage 3 searches.
 */
export interface ResolutionRecord {
  id: number;
  ticketId: number;
  customerId: number;
  channel: ChannelKind;
  subject: string;
  category: string | null;
  facts: Record<string, string>;
  rootCause: string | null;
  rootCauseNote: string | null;
  solution: string | null;
  /** The customer's own words, trimmed: what the search ranks along with facts and root cause. */
  customerText: string;
  /** From the ticket's creation to its resolution. */
  timeToFixMs: number;
  /** Null when no promise was made. */
  promiseKept: boolean | null;
  rating: number | null;
  resolvedAt: Instant;
}

export type NewResolutionRecord = Omit<ResolutionRecord, 'id'>;

/** A past case ranked against the current ticket. */
export interface SimilarCase {
  record: ResolutionRecord;
  /** Relative relevance, 1 for the best match of this query. */
  score: number;
}

/** What a similar-case query searches with: terms drawn from the ticket (see similar-case.rules.ts). */
export interface SimilarCaseQuery {
  terms: string[];
  category: string | null;
  excludeTicketId: number | null;
  limit: number;
}
