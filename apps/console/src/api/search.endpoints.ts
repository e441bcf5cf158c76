import type { SearchResultsDto } from '@keluh/contracts';
import type { SearchKind } from '@keluh/core';
import type { Http } from './http.ts';

/** The search box (docs/customers.md §Search); paths live here only. */
export function createSearchApi(http: Http) {
  return {
    search: (q: string, kinds?: readonly SearchKind[]) => http<SearchResultsDto>('/api/search', { query: { q, kinds: kinds?.join(',') } }),
  };
}
