import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type { TicketWatchers, UserDto } from '@keluh/contracts';
import { useRealtimeStore } from '../../realtime/realtime.store.ts';
import { useSessionStore } from '../auth/session.store.ts';
import { TYPING_IDLE_MS, TYPING_REFRESH_MS, useTicketWatchers } from './use-ticket-watchers.ts';

function setup() {
  setActivePinia(createPinia());
  const realtime = useRealtimeStore();
  const sent: string[] = [];
  const listeners: ((watchers: TicketWatchers) => void)[] = [];
  realtime.watchTicket = (ticketId: number, typing: boolean) => void sent.push(`watch ${ticketId} ${typing ? 'typing' : 'viewing'}`);
  realtime.unwatchTicket = (ticketId: number) => void sent.push(`unwatch ${ticketId}`);
  realtime.onWatchers = (listener) => {
    listeners.push(listener);
    return () => undefined;
  };
  useSessionStore().user = { id: 7, name: 'Budi', email: 'budi@keluh.test', role: 'agent' } as UserDto;
  const ticketId = ref(4);
  const scope = effectScope();
  const watchers = scope.run(() => useTicketWatchers(ticketId))!;
  return { sent, watchers, ticketId, scope, push: (list: TicketWatchers) => listeners.forEach((listener) => listener(list)) };
}

const viewer = (userId: number, name: string, typing = false) => ({ userId, name, typing, since: '2026-03-02T03:00:00.000Z' });

describe('telling the others what this agent is doing on the ticket', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('watches the ticket on opening it and unwatches it on leaving or switching', async () => {
    const { sent, ticketId, scope } = setup();
    expect(sent).toEqual(['watch 4 viewing']);
    ticketId.value = 5;
    await nextTick();
    expect(sent).toEqual(['watch 4 viewing', 'unwatch 4', 'watch 5 viewing']);
    scope.stop();
    expect(sent.at(-1)).toBe('unwatch 5');
  });

  it('says "typing" once per few seconds however fast the agent types, and "stopped" after a pause', () => {
    const { sent, watchers } = setup();
    for (let i = 0; i < 10; i += 1) {
      watchers.typed();
      vi.advanceTimersByTime(100);
    }
    expect(sent.filter((line) => line === 'watch 4 typing')).toHaveLength(1);
    vi.advanceTimersByTime(TYPING_REFRESH_MS);
    watchers.typed();
    expect(sent.filter((line) => line === 'watch 4 typing')).toHaveLength(2);
    vi.advanceTimersByTime(TYPING_IDLE_MS);
    expect(sent.at(-1)).toBe('watch 4 viewing');
  });

  it('says "stopped" at once on sending, and only once', () => {
    const { sent, watchers } = setup();
    watchers.typed();
    watchers.stoppedTyping();
    watchers.stoppedTyping();
    vi.advanceTimersByTime(TYPING_IDLE_MS);
    expect(sent).toEqual(['watch 4 viewing', 'watch 4 typing', 'watch 4 viewing']);
  });

  it('shows everyone on this ticket but the agent themselves', () => {
    const { watchers, push } = setup();
    push({ ticketId: 4, viewers: [viewer(7, 'Budi'), viewer(9, 'Maya', true)] });
    push({ ticketId: 8, viewers: [viewer(3, 'Sari')] });
    expect(watchers.others.value.map((other) => other.name)).toEqual(['Maya']);
  });
});
