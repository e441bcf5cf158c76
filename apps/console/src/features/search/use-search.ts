import { ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { watchDebounced } from '@vueuse/core';
import type { SearchHitDto, SearchResultsDto } from '@keluh/contracts';
import { MAX_SEARCH_QUERY_LENGTH, type SearchKind } from '@keluh/core';
import { useApi } from '../../api/use-api.ts';
import { useErrorMessage, type ShownError } from '../../i18n/use-error-message.ts';

/** The order the box shows the groups in: who first, then what, then what was said. */
export const shownKinds: readonly SearchKind[] = ['customer', 'ticket', 'message'];

/** Long enough to skip the letters typed in one burst, short enough to feel live. */
const DEBOUNCE_MS = 150;

/**
 * The search box's query and results. Answers can arrive out of order (a slow common word, then a quick
 * rare one), so only the answer to the latest query is shown. Core's limit is checked here too, so an
 * overlong paste is explained at once instead of after a round trip.
 */
export function useSearch(query: Ref<string>) {
  const { t } = useI18n({ useScope: 'global' });
  const api = useApi();
  const describe = useErrorMessage();
  const results = ref<SearchResultsDto | null>(null);
  const failure = ref<ShownError | null>(null);
  const loading = ref(false);
  let asked = 0;

  watch(query, (q) => {
    if (q.trim() === '') {
      asked += 1;
      results.value = null;
      failure.value = null;
      loading.value = false;
    }
  });

  watchDebounced(
    query,
    async (q) => {
      if (q.trim() === '') return;
      const mine = ++asked;
      if (q.trim().length > MAX_SEARCH_QUERY_LENGTH) {
        failure.value = { code: 'search.query_too_long', message: t('errors.search.query_too_long') };
        return;
      }
      loading.value = true;
      try {
        const answer = await api.search(q.trim());
        if (mine !== asked) return;
        results.value = answer;
        failure.value = null;
      } catch (error) {
        if (mine !== asked) return;
        results.value = null;
        failure.value = describe(error);
      } finally {
        if (mine === asked) loading.value = false;
      }
    },
    { debounce: DEBOUNCE_MS },
  );

  const groups = () =>
    shownKinds
      .map((kind) => ({ kind, hits: (results.value?.[kind] ?? []) as SearchHitDto[] }))
      .filter((group) => group.hits.length > 0);

  return { results, failure, loading, groups };
}

/** A snippet as runs of plain and highlighted text, for a template to render without v-html. */
export function snippetParts(snippet: SearchHitDto['snippet']): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...snippet.highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    if (start > at) parts.push({ text: snippet.text.slice(at, start), mark: false });
    parts.push({ text: snippet.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), mark: false });
  return parts;
}
