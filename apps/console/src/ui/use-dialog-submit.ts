import { ref } from 'vue';
import { useCodedAction } from './use-coded-action.ts';

/**
 * A dialog's one action: runs it once at a time, closes the dialog when it succeeds, and keeps the coded
 * error, translated, for the dialog to show when it does not (the dialog stays open with what was typed).
 */
export function useDialogSubmit(close: () => void) {
  const { failure, run } = useCodedAction();
  const pending = ref(false);

  async function submit(action: () => Promise<unknown>): Promise<void> {
    if (pending.value) return;
    pending.value = true;
    try {
      if (await run(action)) close();
    } finally {
      pending.value = false;
    }
  }

  return { pending, failure, submit };
}
