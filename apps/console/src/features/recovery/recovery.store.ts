import { reactive, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { AgentEvent, RecoveryTaskDto } from '@keluh/contracts';
import { useLiveEvents } from '../../realtime/use-live-events.ts';
import { useRecoveryApi } from './recovery.api.ts';

/** Open recovery tasks (low scores to call back), newest first; a `recovery.updated` event loads them again. */
export const useRecoveryStore = defineStore('recovery', () => {
  const api = useRecoveryApi();
  const items = shallowRef<RecoveryTaskDto[]>([]);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);
  /** Customer name and subject per ticket, looked up once; a failed look-up leaves the ids shown. */
  const tickets = reactive(new Map<number, { customer: string; subject: string | null }>());
  const asked = new Set<number>();
  let request = 0;
  let active = false;

  async function load(): Promise<void> {
    active = true;
    const mine = ++request;
    try {
      const result = await api.recoveryTasks();
      if (mine !== request) return;
      items.value = result.items.filter((task) => task.state === 'open');
      loaded.value = true;
      error.value = null;
      describeTickets(items.value);
    } catch (cause) {
      if (mine === request) error.value = cause;
    }
  }

  // Open tasks are few (one per low score not yet called back); the cap keeps a backlog from fanning out.
  function describeTickets(tasks: readonly RecoveryTaskDto[]): void {
    for (const task of tasks.slice(0, 25)) {
      if (asked.has(task.ticketId)) continue;
      asked.add(task.ticketId);
      api.ticket(task.ticketId)
        .then((detail) => void tickets.set(task.ticketId, { customer: detail.customer.name, subject: detail.ticket.subject }))
        .catch(() => asked.delete(task.ticketId));
    }
  }

  async function close(id: number, note: string): Promise<RecoveryTaskDto> {
    const task = await api.closeTask(id, note);
    items.value = items.value.filter((item) => item.id !== id);
    return task;
  }

  function applyEvents(events: readonly AgentEvent[]): void {
    if (active && events.some((event) => event.type === 'recovery.updated')) void load();
  }

  useLiveEvents({ applyEvents, reload: () => void (active && load()) });

  function leave(): void {
    active = false;
  }

  return { items, tickets, loaded, error, load, close, leave };
});
