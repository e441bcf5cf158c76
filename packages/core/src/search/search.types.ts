import type { TicketScope } from '../auth/ticket.policy.ts';
import type { Instant } from '../shared/instant.ts';

export const searchKinds = ['message', 'customer', 'ticket'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** A highlighted span of a snippet: [start, end) in UTF-16 code units of `text`. */
export type SearchHighlight = [start: number, end: number];

export interface SearchSnippet {
  text: string;
  highlights: SearchHighlight[];
}

/**
 * One result. `id` is the message's, customer's or ticket's id by kind; `ticketId` is what Enter opens
 * (for a customer: their newest ticket the searcher may see, null for an admin's customer without any).
 * `rank` is relative to the best hit of its kind (1).
 */
export interface SearchHit {
  kind: SearchKind;
  id: number;
  ticketId: number | null;
  customerId: number;
  customerName: string;
  snippet: SearchSnippet;
  rank: number;
  at: Instant;
}

export type SearchResults = Record<SearchKind, SearchHit[]>;

export interface SearchQuery {
  q: string;
  kinds?: readonly SearchKind[] | undefined;
  /** Per kind. */
  limit: number;
  scope: TicketScope;
}

/**
 * What a query asks the index for, built by core (search-query.rules.ts) so both engines match alike.
 * Every word must match (AND); a word matches any one of its `words` exactly, or — for customers'
 * names, phones, emails and usernames — any indexed word starting with one of its `prefixes`.
 */
export interface SearchPlan {
  words: { typed: string; words: string[]; prefixes: string[] }[];
}

/** A row the index found, before core turns it into a hit (snippet, rank). */
export interface SearchRow {
  kind: SearchKind;
  id: number;
  ticketId: number | null;
  customerId: number;
  customerName: string;
  text: string;
  at: Instant;
}
