import { ref } from 'vue';
import { defineStore } from 'pinia';

export type PanelTab = 'customer' | '1' | '2' | '3' | '4' | '5';

/** Which right-panel tab shows, and which field a command asked to focus there (`promise-text` …). */
export const usePanelStore = defineStore('panel', () => {
  const tab = ref<PanelTab>('customer');
  const focus = ref<{ target: string; at: number } | null>(null);
  function show(next: PanelTab, target?: string): void {
    tab.value = next;
    if (target) focus.value = { target, at: Date.now() };
  }
  function reset(): void {
    tab.value = 'customer';
    focus.value = null;
  }
  return { tab, focus, show, reset };
});
