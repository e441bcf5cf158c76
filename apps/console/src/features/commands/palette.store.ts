import { ref } from 'vue';
import { defineStore } from 'pinia';

/** Which keyboard overlay is open; one at a time, so Ctrl+K over the sheet swaps them. */
export const usePaletteStore = defineStore('palette', () => {
  const open = ref<'palette' | 'sheet' | null>(null);
  const show = (which: 'palette' | 'sheet') => void (open.value = which);
  const close = () => void (open.value = null);
  return { open, show, close, reset: close };
});
