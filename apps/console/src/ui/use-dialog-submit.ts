import { ref, shallowRef } from 'vue';
import { useErrorMessage, type ShownError } from '../i18n/use-error-message.ts';

/**
 * A dialog's one action: runs it once at a time, closes the dialog when it succeeds, and keeps the coded
 * error, translated, for the dialog to show when it does not (the dialog stays open with what was typed).
 */
export function useDialogSubmit(close: () => void) {
  const describe = useErrorMessage();
  const pending = ref(false);
  const failure = shallowRef<ShownError | null>(null);

  async function submit(action: () => Promise<unknown>): Promise<void> {
    if (pending.value) return;
    pending.value = true;
    failure.value = null;
    try {
      await action();
      close();
    } catch (error) {
      failure.value = describe(error);
    } finally {
      pending.value = false;
    }
  }

  return { pending, failure, submit };
}
