import { ref, shallowRef } from 'vue';

/**
 * A list fetched once and shared: concurrent callers wait for the same request, `hydrate(true)`
 * fetches again, and a failure is kept for the view to show instead of being thrown at it.
 */
export function useCachedList<T>(fetchList: () => Promise<{ items: T[] }>) {
  const items = shallowRef<T[]>([]);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);
  let loading: Promise<void> | null = null;

  function hydrate(force = false): Promise<void> {
    if (loaded.value && !force) return Promise.resolve();
    loading ??= fetchList()
      .then((result) => {
        items.value = result.items;
        loaded.value = true;
        error.value = null;
      })
      .catch((cause: unknown) => {
        error.value = cause;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  function reset(): void {
    items.value = [];
    loaded.value = false;
    error.value = null;
  }

  return { items, loaded, error, hydrate, reset };
}
