import { defineStore } from 'pinia';
import type { PhraseDto } from '@keluh/contracts';
import { useApi } from '../../api/use-api.ts';
import { useCachedList } from '../../ui/use-cached-list.ts';

/** The whole phrase bank, loaded once per session; the picker orders and filters it per ticket. */
export const usePhrasesStore = defineStore('phrases', () => {
  const api = useApi();
  const { items, loaded, error, hydrate, reset } = useCachedList<PhraseDto>(() => api.phrases());
  return { items, loaded, error, hydrate: (force = false) => hydrate(force), reset };
});
