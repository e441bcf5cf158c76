import { computed } from 'vue';
import { defineStore } from 'pinia';
import type { AgentEvent, ChannelViewDto } from '@keluh/contracts';
import type { ConfigurableChannel } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { useLiveEvents } from '../../realtime/use-live-events.ts';
import { useTemplatesStore } from '../ticket/templates.store.ts';
import { applyEventToChannels } from './apply-event.ts';
import { useCachedList } from '../../ui/use-cached-list.ts';

/** Connected channels and their health, for the settings page and the rail's warning dot. */
export const useChannelsStore = defineStore('channels', () => {
  const api = useApi();
  const templates = useTemplatesStore();

  const { items, loaded, error, hydrate, reset } = useCachedList<ChannelViewDto>(() => api.channels());
  // No event-log position: rows are guarded by their updatedAt, so this list never holds a sync back.
  useLiveEvents({ applyEvents, reload: () => void hydrate(true) });

  const needsAttention = computed(() => items.value.some((item) => item.status === 'reconnect_needed'));
  const byKind = (kind: ConfigurableChannel) => items.value.find((item) => item.kind === kind) ?? null;

  async function save(kind: ConfigurableChannel, settings: Record<string, string>): Promise<ChannelViewDto> {
    const view = await api.saveChannel(kind, settings);
    items.value = [...items.value.filter((item) => item.kind !== kind), view].sort((a, b) => a.kind.localeCompare(b.kind));
    if (kind === 'whatsapp') templates.invalidate();
    return view;
  }

  function applyEvents(events: readonly AgentEvent[]): void {
    let next = items.value;
    let unknown = false;
    for (const event of events) {
      const result = applyEventToChannels(next, event);
      next = result.items;
      unknown ||= result.unknownKind;
    }
    if (next !== items.value) items.value = next;
    // A channel we have not listed yet (connected elsewhere meanwhile): fetch the list again.
    if (unknown && loaded.value) void hydrate(true);
  }

  return { items, loaded, error, needsAttention, byKind, hydrate, save, reset };
});
