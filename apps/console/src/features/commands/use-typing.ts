/** True when a key press belongs to a text field (or a menu/listbox handling its own keys), not to us. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('input, textarea, select, [contenteditable="true"], [role="listbox"], [role="menu"], [role="dialog"]') !== null;
}
