import { ref } from 'vue';
import { defineStore } from 'pinia';

/** Whether the internal-note dialog is open; the header button and the palette both open it. */
export const useNoteDialogStore = defineStore('noteDialog', () => {
  const open = ref(false);
  return { open, show: () => void (open.value = true), reset: () => void (open.value = false) };
});
