import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { AgentEvent } from '@keluh/contracts';
import type { PresenceStatus, StaffPresence } from '@keluh/core';
import { useApi } from '../../api/use-api.ts';
import { useLiveEvents } from '../../realtime/use-live-events.ts';
import { useRealtimeStore } from '../../realtime/realtime.store.ts';
import { useSessionStore } from '../auth/session.store.ts';
import { startActivityReporter } from './activity-reporter.ts';

/** The signed-in user's own effective presence (the rail's toggle) and the activity that keeps it online. */
export const usePresenceStore = defineStore('presence', () => {
  const api = useApi();
  const session = useSessionStore();
  const realtime = useRealtimeStore();
  const mine = ref<StaffPresence | null>(null);
  const saving = ref(false);
  const failed = ref(false);
  let stopReporting: (() => void) | null = null;

  // No event-log position: a presence carries its `since`, and the newest one wins.
  useLiveEvents({ applyEvents, reload: () => void load() });

  function accept(presence: StaffPresence): void {
    if (presence.userId !== session.user?.id) return;
    if (mine.value && mine.value.since > presence.since) return;
    mine.value = presence;
  }

  function applyEvents(events: readonly AgentEvent[]): void {
    for (const event of events) if (event.type === 'presence.updated') accept(event.payload.presence);
  }

  async function load(): Promise<void> {
    try {
      const found = (await api.presence()).items.find((item) => item.userId === session.user?.id);
      if (found) accept(found);
    } catch {
      // The toggle still works; the status shows once the next presence.updated arrives.
    }
  }

  async function choose(status: PresenceStatus): Promise<void> {
    saving.value = true;
    failed.value = false;
    try {
      accept((await api.choosePresence(status)).presence);
    } catch {
      failed.value = true;
    } finally {
      saving.value = false;
    }
  }

  function start(): void {
    void load();
    stopReporting ??= startActivityReporter(window, () => realtime.reportActivity());
  }

  function stop(): void {
    stopReporting?.();
    stopReporting = null;
    mine.value = null;
  }

  return { mine, saving, failed, start, stop, choose, applyEvents };
});
