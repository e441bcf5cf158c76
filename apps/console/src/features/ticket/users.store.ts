import { defineStore } from 'pinia';
import type { UserDto } from '@keluh/contracts';
import { useApi } from '../../api/use-api.ts';
import { useCachedList } from '../../ui/use-cached-list.ts';

/**
 * Staff for the assignee picker; loaded once per session. If loading fails the picker offers only
 * "unassigned" and the current assignee, and a later open retries.
 */
export const useUsersStore = defineStore('users', () => {
  const api = useApi();
  const { items, loaded, hydrate, reset } = useCachedList<UserDto>(async () => {
    const result = await api.users();
    return { items: [...result.items].sort((a, b) => a.name.localeCompare(b.name)) };
  });
  return { items, loaded, hydrate: () => hydrate(), reset };
});
