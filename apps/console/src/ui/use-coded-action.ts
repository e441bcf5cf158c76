import { shallowRef } from 'vue';
import { useErrorMessage, type ShownError } from '../i18n/use-error-message.ts';

/**
 * Runs an action of a panel or dialog and keeps its coded error, translated, for the view to show (or
 * clears the one shown before). Resolves true when the action succeeded.
 */
export function useCodedAction() {
  const describe = useErrorMessage();
  const failure = shallowRef<ShownError | null>(null);

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    failure.value = null;
    try {
      await action();
      return true;
    } catch (error) {
      failure.value = describe(error);
      return false;
    }
  }

  return { failure, run };
}
