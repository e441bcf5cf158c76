import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { AgentEvent, TicketViewDto } from '@keluh/contracts';
import { useApi } from '../../api/use-api.ts';
import { useLiveEvents } from '../../realtime/use-live-events.ts';
import { useSessionStore } from '../auth/session.store.ts';
import { appendPage, applyEventToList, applyTicketSnapshot, type ListContext, type ListState } from './apply-event.ts';
import { defaultFilter, toQuery, type ListFilter } from './list-filter.ts';

const PAGE_SIZE = 30;

/** The ticket list for the current view and filters, kept current by realtime events. */
export const useTicketListStore = defineStore('ticketList', () => {
  const api = useApi();
  const session = useSessionStore();

  const filter = ref<ListFilter>({ ...defaultFilter });
  const list = shallowRef<ListState | null>(null);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const loadingMore = ref(false);
  const error = shallowRef<unknown>(null);
  let request: AbortController | null = null;

  const items = computed(() => list.value?.items ?? []);
  const position = computed(() => list.value?.lastEventId ?? null);
  const hasMore = computed(() => list.value?.hasMore ?? false);
  const context = (): ListContext => ({ filter: filter.value, userId: session.user?.id ?? null });
  const live = useLiveEvents({ applyEvents, position: () => position.value, reload: () => void hydrate() });

  async function hydrate(next: ListFilter = filter.value): Promise<void> {
    request?.abort();
    const controller = new AbortController();
    request = controller;
    const changed = JSON.stringify(next) !== JSON.stringify(filter.value);
    filter.value = { ...next };
    // Keep the old rows on a plain refresh (no flash); clear them when the view itself changed.
    if (changed) list.value = null;
    loading.value = true;
    error.value = null;
    try {
      const page = await api.listTickets({ ...toQuery(next, session.user?.id ?? null), limit: PAGE_SIZE }, controller.signal);
      if (request !== controller) return;
      list.value = { items: page.items, lastEventId: page.lastEventId, hasMore: page.nextCursor !== null };
      nextCursor.value = page.nextCursor;
      live.loaded(page.lastEventId);
    } catch (cause) {
      if (request === controller && !isAbort(cause)) error.value = cause;
    } finally {
      if (request === controller) {
        loading.value = false;
        request = null;
      }
    }
  }

  async function loadMore(): Promise<void> {
    const cursor = nextCursor.value;
    if (!cursor || loadingMore.value || !list.value) return;
    loadingMore.value = true;
    const forFilter = filter.value;
    try {
      const page = await api.listTickets({ ...toQuery(forFilter, session.user?.id ?? null), limit: PAGE_SIZE, cursor });
      if (forFilter !== filter.value || !list.value) return;
      list.value = appendPage(list.value, page.items, page.nextCursor !== null);
      nextCursor.value = page.nextCursor;
    } catch (cause) {
      error.value = cause;
    } finally {
      loadingMore.value = false;
    }
  }

  function applyEvents(events: readonly AgentEvent[]): void {
    if (!list.value) return;
    const ctx = context();
    let state = list.value;
    for (const event of events) state = applyEventToList(state, event, ctx);
    if (state !== list.value) list.value = state;
  }

  function applySnapshot(ticket: TicketViewDto): void {
    if (list.value) list.value = applyTicketSnapshot(list.value, ticket, context());
  }

  function reset(): void {
    request?.abort();
    request = null;
    filter.value = { ...defaultFilter };
    list.value = null;
    nextCursor.value = null;
    loading.value = false;
    loadingMore.value = false;
    error.value = null;
  }

  return { filter, items, position, hasMore, loading, loadingMore, error, hydrate, loadMore, applySnapshot, reset };
});

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
