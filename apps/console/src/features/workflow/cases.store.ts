import { ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { DueSuggestionDto, SimilarCasesResponse } from '@keluh/contracts';
import { useApi } from '../../api/use-api.ts';

type SimilarCase = SimilarCasesResponse['items'][number];

/** Similar past cases and the due-time suggestion of the open ticket, fetched when stage 3 or 4 needs them. */
export const useCasesStore = defineStore('cases', () => {
  const api = useApi();
  const ticketId = ref<number | null>(null);
  const similar = shallowRef<SimilarCase[] | null>(null);
  const suggestion = shallowRef<DueSuggestionDto | null>(null);
  const error = shallowRef<unknown>(null);

  async function load<T>(id: number, fetch: () => Promise<T>, apply: (value: T) => void): Promise<void> {
    if (ticketId.value !== id) {
      ticketId.value = id;
      similar.value = null;
      suggestion.value = null;
    }
    error.value = null;
    try {
      const value = await fetch();
      if (ticketId.value === id) apply(value);
    } catch (cause) {
      if (ticketId.value === id) error.value = cause;
    }
  }

  const hydrateSimilar = (id: number) => load(id, () => api.similarCases(id, 5), (value) => (similar.value = value.items));
  const hydrateSuggestion = (id: number) => load(id, () => api.promiseSuggestion(id), (value) => (suggestion.value = value));

  function reset(): void {
    ticketId.value = null;
    similar.value = null;
    suggestion.value = null;
    error.value = null;
  }

  return { ticketId, similar, suggestion, error, hydrateSimilar, hydrateSuggestion, reset };
});
