import { computed } from 'vue';
import { useWorkflowDialogsStore } from './workflow-dialogs.store.ts';
import { useWorkflowStore } from './workflow.store.ts';

/**
 * What the stage bar and the palette offer, straight from core's evaluation in the snapshot: advance
 * when allowed, an override (with a reason) when criteria are unmet, back to any earlier stage.
 */
export function useStageMoves() {
  const workflow = useWorkflowStore();
  const dialogs = useWorkflowDialogsStore();
  const evaluation = computed(() => workflow.snapshot?.evaluation ?? null);
  const complaint = computed(() => workflow.snapshot?.workflow.complaint ?? false);

  const next = computed(() => (complaint.value ? evaluation.value?.next ?? null : null));
  const canGoBack = computed(() => complaint.value && (evaluation.value?.canGoBackTo.length ?? 0) > 0);

  /** Straight on when the criteria are met; otherwise ask for the override's reason. */
  async function advance(): Promise<void> {
    const to = next.value;
    if (to === null) return;
    if (evaluation.value?.canAdvance) await workflow.transition(to);
    else dialogs.ask({ kind: 'override' });
  }

  return { evaluation, next, canGoBack, advance, back: () => dialogs.ask({ kind: 'back' }) };
}
