import { ref } from 'vue';
import { defineStore } from 'pinia';

/** Which keyboard overlay is open; one at a time, so Ctrl+K over the sheet (or the search box) swaps them. */
export const usePaletteStore = defineStore('palette', () => {
  const open = ref<'palette' | 'sheet' | 'search' | null>(null);
  const show = (which: 'palette' | 'sheet' | 'search') => void (open.value = which);
  const close = () => void (open.value = null);
  return { open, show, close, reset: close };
});
