import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { AgentEvent } from '@keluh/contracts';
import { useLiveEvents } from '../../realtime/use-live-events.ts';
import { useBoardApi } from './board.api.ts';
import { foldBoardEvents, placeTicket } from './board.fold.ts';
import { boardFromSnapshot, type BoardState } from './board.state.ts';

/**
 * The supervisor board: one snapshot, then only socket pushes folded into it (no polling). The clocks
 * tick from `now`, a local second timer, so a countdown turns amber and red without any message. On a
 * reconnect the realtime store replays after our position; when it cannot (too far behind) we reload.
 */
export const useBoardStore = defineStore('board', () => {
  const api = useBoardApi();
  const state = shallowRef<BoardState | null>(null);
  const error = shallowRef<unknown>(null);
  const teamId = ref<number | null>(null);
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | null = null;
  let request = 0;
  let active = false;

  function applyEvents(events: readonly AgentEvent[]): void {
    if (active && state.value) state.value = foldBoardEvents(state.value, events);
  }
  const live = useLiveEvents({ applyEvents, position: () => (active ? (state.value?.lastEventId ?? null) : null), reload: () => void (active && load()) });

  async function load(team: number | null = teamId.value): Promise<void> {
    active = true;
    teamId.value = team;
    timer ??= setInterval(() => (now.value = Date.now()), 1000);
    const mine = ++request;
    try {
      const snapshot = await api.snapshot(team);
      if (mine !== request) return;
      state.value = boardFromSnapshot(snapshot);
      error.value = null;
      live.loaded(snapshot.asOfEventId);
    } catch (cause) {
      if (mine === request) error.value = cause;
    }
  }

  /** The PATCH answer may land before its event: placing it now keeps the row from flickering back. */
  async function reassign(ticketId: number, assigneeId: number): Promise<void> {
    const ticket = await api.reassign(ticketId, assigneeId);
    if (state.value) state.value = { ...placeTicket(state.value, ticket), lastEventId: state.value.lastEventId };
  }

  function leave(): void {
    active = false;
    if (timer) clearInterval(timer);
    timer = null;
  }

  const loaded = computed(() => state.value !== null);
  return { state, error, teamId, now, loaded, load, reassign, leave };
});
