import type { Ref } from 'vue';
import { useEventListener } from '@vueuse/core';
import { isTyping } from '../commands/use-typing.ts';

const ROW = '[data-testid=ticket-row]';

/**
 * j / k open the next or previous ticket, as in most mail and help-desk tools; ↓ / ↑ move the focus
 * along the list without opening, and Enter on the focused row opens it (it is a link). Never while typing.
 */
export function useListKeys(ids: Ref<number[]>, selectedId: Ref<number | null>, open: (id: number) => void): void {
  useEventListener(document, 'keydown', (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
    if (event.key === 'j' || event.key === 'k') {
      const list = ids.value;
      const index = selectedId.value === null ? -1 : list.indexOf(selectedId.value);
      const id = list[event.key === 'j' ? Math.min(index + 1, list.length - 1) : Math.max(index - 1, 0)];
      if (id !== undefined && id !== selectedId.value) {
        event.preventDefault();
        open(id);
      }
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (moveFocus(event.key === 'ArrowDown' ? 1 : -1, selectedId.value)) event.preventDefault();
    }
  });
}

function moveFocus(step: 1 | -1, selectedId: number | null): boolean {
  const rows = [...document.querySelectorAll<HTMLElement>(ROW)];
  if (rows.length === 0) return false;
  const focused = rows.indexOf(document.activeElement as HTMLElement);
  // Arrows scroll the page everywhere else; they only take over on the list or with nothing focused.
  if (focused === -1 && document.activeElement && document.activeElement !== document.body) return false;
  const from = focused !== -1 ? focused : rows.findIndex((row) => row.dataset.ticketId === String(selectedId));
  const target = from === -1 ? rows[0] : rows[Math.min(Math.max(from + step, 0), rows.length - 1)];
  target?.focus();
  return target !== undefined;
}
