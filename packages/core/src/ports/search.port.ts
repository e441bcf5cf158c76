import type { SearchQuery, SearchResults } from '../search/search.types.ts';

/**
 * Full-text search over message bodies, customers (name, and their identities' names, phones, emails and
 * @usernames) and ticket subjects: SQLite FTS5, PostgreSQL tsvector with the 'simple' configuration.
 *
 * Guarantees: matching is core's (search-query.rules.ts: every word must match, in any of its affixed
 * forms; customers by prefix), and the ranking too (search-hits.rules.ts), so both engines answer alike.
 * Only what `scope` may see is found: a message or ticket through its ticket, a customer through any of
 * their tickets (an `all` scope also sees customers without one). A customer merged into another is not
 * found. The index is kept in step inside the transaction that changes the text, so a search never finds
 * text that was not committed, nor misses text that was. Each kind looks at its newest matches
 * (SEARCH_CANDIDATES) and returns at most `limit`; a query of no kinds returns empty groups.
 */
export interface SearchIndex {
  search(query: SearchQuery): Promise<SearchResults>;
}
