import { ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { MergeTargetDto, TicketMoveResultDto } from '@keluh/contracts';
import { useApi } from '../../api/use-api.ts';
import { useErrorMessage, type ShownError } from '../../i18n/use-error-message.ts';
import { useTicketDetailStore } from './ticket-detail.store.ts';

/**
 * Merging the open ticket into another of the customer's, splitting chosen messages off, and undoing
 * the last of either. The server decides what may move; a refusal is shown by its code.
 */
export const useTicketMovesStore = defineStore('ticketMoves', () => {
  const api = useApi();
  const detail = useTicketDetailStore();
  const describe = useErrorMessage();

  const targets = shallowRef<MergeTargetDto[]>([]);
  const selecting = ref(false);
  const selected = ref<number[]>([]);
  const busy = ref(false);
  const failure = shallowRef<ShownError | null>(null);
  /** The move just made (or undone) from this console: what the notice and its Undo act on. */
  const last = shallowRef<{ result: TicketMoveResultDto; undone: boolean } | null>(null);

  async function loadTargets(ticketId: number): Promise<void> {
    try {
      targets.value = (await api.mergeTargets(ticketId)).items;
    } catch {
      targets.value = [];
    }
  }

  async function run(work: () => Promise<TicketMoveResultDto>, undone = false): Promise<TicketMoveResultDto | null> {
    busy.value = true;
    failure.value = null;
    try {
      const result = await work();
      last.value = { result, undone };
      selecting.value = false;
      selected.value = [];
      // Messages moved: the open timeline is read again rather than patched.
      if (detail.ticketId !== null) await detail.hydrate(detail.ticketId);
      return result;
    } catch (error) {
      failure.value = describe(error);
      return null;
    } finally {
      busy.value = false;
    }
  }

  const merge = (ticketId: number, intoTicketId: number) => run(() => api.mergeTicket(ticketId, intoTicketId));
  const split = (ticketId: number) => run(() => api.splitTicket(ticketId, selected.value));
  const undo = (moveId: number) => run(() => api.undoTicketMove(moveId), true);

  function toggle(messageId: number): void {
    selected.value = selected.value.includes(messageId) ? selected.value.filter((id) => id !== messageId) : [...selected.value, messageId];
  }

  function startSelecting(): void {
    selecting.value = true;
    selected.value = [];
    failure.value = null;
  }

  function reset(): void {
    targets.value = [];
    selecting.value = false;
    selected.value = [];
    failure.value = null;
    last.value = null;
  }

  return { targets, selecting, selected, busy, failure, last, loadTargets, merge, split, undo, toggle, startSelecting, reset };
});
