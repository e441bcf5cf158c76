import { computed, getCurrentScope, onScopeDispose } from 'vue';
import type { Command } from './command.types.ts';
import { useCommandsStore } from './commands.store.ts';

/** Registers a feature's commands for as long as the calling component (or scope) lives. */
export function useCommands(build: () => Command[]): void {
  const remove = useCommandsStore().register(computed(build));
  if (getCurrentScope()) onScopeDispose(remove);
}
