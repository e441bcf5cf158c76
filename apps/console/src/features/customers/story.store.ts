import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { AgentEvent, TicketStoryDto } from '@keluh/contracts';
import { useApi } from '../../api/use-api.ts';
import { useLiveEvents } from '../../realtime/use-live-events.ts';

/** What can change a story: a customer's message, the workflow (facts, stage), a promise. */
const storyEvents = new Set<AgentEvent['type']>(['message.created', 'message.updated', 'workflow.updated', 'promise.updated']);

/** The story so far of the open ticket, read again when the live events say part of it changed. */
export const useStoryStore = defineStore('story', () => {
  const api = useApi();
  const story = ref<TicketStoryDto | null>(null);
  const ticketId = ref<number | null>(null);
  const failed = ref(false);
  let controller: AbortController | null = null;

  useLiveEvents({
    applyEvents: (events) => {
      if (ticketId.value !== null && events.some((event) => event.ticketId === ticketId.value && storyEvents.has(event.type))) void load();
    },
    reload: () => void load(),
  });

  async function hydrate(id: number | null): Promise<void> {
    if (id !== ticketId.value) story.value = null;
    ticketId.value = id;
    await load();
  }

  async function load(): Promise<void> {
    const id = ticketId.value;
    controller?.abort();
    if (id === null) return;
    controller = new AbortController();
    try {
      const next = await api.ticketStory(id, controller.signal);
      // A slower answer for a ticket left meanwhile must not replace the current one.
      if (ticketId.value === id) {
        story.value = next;
        failed.value = false;
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError' && ticketId.value === id) failed.value = true;
    }
  }

  function reset(): void {
    controller?.abort();
    story.value = null;
    ticketId.value = null;
    failed.value = false;
  }

  return { story, failed, hydrate, reset };
});
