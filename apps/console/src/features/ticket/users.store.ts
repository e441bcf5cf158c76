import { ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { UserDto } from '@keluh/contracts';
import { useApi } from '../../api/use-api.ts';

/** Staff for the assignee picker; loaded once per session. */
export const useUsersStore = defineStore('users', () => {
  const api = useApi();
  const items = shallowRef<UserDto[]>([]);
  const loaded = ref(false);
  let loading: Promise<void> | null = null;

  function hydrate(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    loading ??= api
      .users()
      .then((result) => {
        items.value = [...result.items].sort((a, b) => a.name.localeCompare(b.name));
        loaded.value = true;
      })
      .catch(() => {
        // The picker then offers only "unassigned" and the current assignee; a later open retries.
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  function reset(): void {
    items.value = [];
    loaded.value = false;
  }

  return { items, loaded, hydrate, reset };
});
