import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';
import type { TicketViewer } from '@keluh/contracts';
import { useRealtimeStore } from '../../realtime/realtime.store.ts';
import { useSessionStore } from '../auth/session.store.ts';

/** While typing, the server hears "still typing" at most this often (it lets typing lapse after ~6 s). */
export const TYPING_REFRESH_MS = 2_500;
/** No keystroke for this long and the agent has stopped typing. */
export const TYPING_IDLE_MS = 3_000;

/**
 * Who else has this ticket open, and this agent's own viewing and typing told to them. Opening the
 * ticket watches it, leaving unwatches it; keystrokes become a throttled `typing: true`, and a pause,
 * a send or leaving the composer a `typing: false`.
 */
export function useTicketWatchers(ticketId: Ref<number>) {
  const realtime = useRealtimeStore();
  const session = useSessionStore();
  const viewers = ref<TicketViewer[]>([]);
  let typing = false;
  let sentTypingAt = 0;
  let idle: ReturnType<typeof setTimeout> | null = null;

  const stopListening = realtime.onWatchers((watchers) => {
    if (watchers.ticketId === ticketId.value) viewers.value = watchers.viewers;
  });

  function clearIdle(): void {
    if (idle) clearTimeout(idle);
    idle = null;
  }

  function typed(): void {
    const now = Date.now();
    if (!typing || now - sentTypingAt >= TYPING_REFRESH_MS) {
      typing = true;
      sentTypingAt = now;
      realtime.watchTicket(ticketId.value, true);
    }
    clearIdle();
    idle = setTimeout(stoppedTyping, TYPING_IDLE_MS);
  }

  function stoppedTyping(): void {
    clearIdle();
    if (!typing) return;
    typing = false;
    realtime.watchTicket(ticketId.value, false);
  }

  watch(
    ticketId,
    (id, previous) => {
      clearIdle();
      typing = false;
      if (previous !== undefined) realtime.unwatchTicket(previous);
      viewers.value = [];
      realtime.watchTicket(id, false);
    },
    { immediate: true },
  );

  onScopeDispose(() => {
    clearIdle();
    stopListening();
    realtime.unwatchTicket(ticketId.value);
  });

  /** Everyone but this agent (their other tabs included): the console never shows you to yourself. */
  const others = computed(() => viewers.value.filter((viewer) => viewer.userId !== session.user?.id));

  return { others, typed, stoppedTyping };
}
