import type { CoreDeps } from '../shared/deps.ts';
import type { SearchQuery, SearchResults } from './search.types.ts';
import { searchPlan } from './search-query.rules.ts';

export const DEFAULT_SEARCH_LIMIT = 8;

/** The search box: coded errors for an empty or overlong query before the index is asked anything. */
export function searchEverything(deps: Pick<CoreDeps, 'db'>, query: Omit<SearchQuery, 'limit'> & { limit?: number }): Promise<SearchResults> {
  searchPlan(query.q);
  return deps.db.search.search({ ...query, limit: query.limit ?? DEFAULT_SEARCH_LIMIT });
}
