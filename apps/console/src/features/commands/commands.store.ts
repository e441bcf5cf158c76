import { computed, shallowRef, triggerRef, type ComputedRef } from 'vue';
import { defineStore } from 'pinia';
import { commandGroups, type Command } from './command.types.ts';

/**
 * The registry features register their commands into. It knows no feature: each hands a reactive list
 * while it is mounted, and the palette and the shortcuts read the union.
 */
export const useCommandsStore = defineStore('commands', () => {
  const providers = shallowRef(new Set<ComputedRef<Command[]>>());

  function register(provider: ComputedRef<Command[]>): () => void {
    providers.value.add(provider);
    triggerRef(providers);
    return () => {
      providers.value.delete(provider);
      triggerRef(providers);
    };
  }

  const all = computed(() => {
    const list = [...providers.value].flatMap((provider) => provider.value);
    return list.sort((a, b) => commandGroups.indexOf(a.group) - commandGroups.indexOf(b.group));
  });

  const byShortcut = (key: string) => all.value.find((command) => command.shortcut === key);

  return { all, register, byShortcut };
});
