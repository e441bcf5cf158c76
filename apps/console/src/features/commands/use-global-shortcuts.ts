import { useEventListener } from '@vueuse/core';
import { useCommandsStore } from './commands.store.ts';
import { usePaletteStore } from './palette.store.ts';
import { isTyping } from './use-typing.ts';

/**
 * The console's one keydown listener for global keys: Ctrl/Cmd+K everywhere (even in a field, as in
 * every palette users know), `?` and single-key command shortcuts only when nobody is typing.
 */
export function useGlobalShortcuts(): void {
  const commands = useCommandsStore();
  const palette = usePaletteStore();

  useEventListener(document, 'keydown', (event: KeyboardEvent) => {
    if (event.isComposing || event.defaultPrevented) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      if (palette.open === 'palette') palette.close();
      else palette.show('palette');
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (event.key === '?') {
      event.preventDefault();
      palette.show('sheet');
      return;
    }
    const command = commands.byShortcut(event.key);
    if (command) {
      event.preventDefault();
      void command.run();
    }
  });
}
