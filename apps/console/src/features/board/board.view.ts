import type { SlaClockDto } from '@keluh/contracts';
import { BOARD_BREACH_WINDOW_MS, BOARD_VOLUME_HOURS } from '@keluh/core';
import type { BoardState, QueueRow, WatchedTicket } from './board.state.ts';

export interface BreachEntry {
  ticketId: number;
  subject: string;
  customerName: string;
  assignee: QueueRow['assignee'];
  clock: SlaClockDto;
}

/** Every clock we hold, once per ticket: the queue's rows win over the watched copies. */
function clockHolders(state: BoardState): WatchedTicket[] {
  const fromQueue = state.queue.map((row) => ({ ticketId: row.ticketId, subject: row.subject, customerName: row.customer.name, assignee: row.assignee, clocks: row.clocks }));
  const inQueue = new Set(fromQueue.map((row) => row.ticketId));
  return [...fromQueue, ...Object.values(state.watched).filter((entry) => !inQueue.has(entry.ticketId))];
}

/** Running clocks past their warning or due within the window at `now`, soonest due first. */
export function aboutToBreachAt(state: BoardState, now: number): BreachEntry[] {
  const entries: BreachEntry[] = [];
  for (const holder of clockHolders(state)) {
    for (const clock of holder.clocks) {
      if (clock.state !== 'running' || !clock.dueAt) continue;
      const due = Date.parse(clock.dueAt);
      const warned = clock.warnAt !== null && Date.parse(clock.warnAt) <= now;
      if (warned || due - now <= BOARD_BREACH_WINDOW_MS) entries.push({ ticketId: holder.ticketId, subject: holder.subject, customerName: holder.customerName, assignee: holder.assignee, clock });
    }
  }
  return entries.sort((a, b) => a.clock.dueAt!.localeCompare(b.clock.dueAt!) || a.ticketId - b.ticketId);
}

export interface BoardTilesView {
  waitingNow: number;
  aboutToBreach: number;
  breachedToday: number;
  agentsOnline: number;
  csat: BoardState['csat'];
}

/** The headline numbers at `now`: clocks crossing their due time while the board is open count at once. */
export function tilesAt(state: BoardState, now: number): BoardTilesView {
  const since = Date.parse(state.generatedAt);
  const breachedNow = new Set<number>();
  for (const holder of clockHolders(state)) {
    for (const clock of holder.clocks) {
      if ((clock.state !== 'running' && clock.state !== 'breached') || !clock.dueAt) continue;
      const due = Date.parse(clock.dueAt);
      if (due > since && due <= now) breachedNow.add(holder.ticketId);
    }
  }
  const soon = new Set(aboutToBreachAt(state, now).filter((entry) => Date.parse(entry.clock.dueAt!) > now).map((entry) => entry.ticketId));
  return {
    waitingNow: state.waitingNow,
    aboutToBreach: soon.size,
    breachedToday: state.breachedBefore + breachedNow.size,
    agentsOnline: state.agents.filter((agent) => agent.status === 'online').length,
    csat: state.csat,
  };
}

/** Average dwell per stage column at `now`, in ms (null for an empty column). */
export function stageColumnsAt(state: BoardState, now: number) {
  return state.stages.map((column) => ({ stage: column.stage, count: column.count, stuck: column.stuck, averageDwellMs: column.count > 0 ? Math.max(0, now - column.enteredSumMs / column.count) : null }));
}

/** The last hours as buckets (oldest first) with the inbound count per channel; empty hours included. */
export function volumeSeries(state: BoardState, now: number): { hours: string[]; channels: string[]; counts: Record<string, number[]> } {
  const current = Math.floor(now / 3_600_000) * 3_600_000;
  const hours = Array.from({ length: BOARD_VOLUME_HOURS }, (_, index) => new Date(current - (BOARD_VOLUME_HOURS - 1 - index) * 3_600_000).toISOString());
  const channels = [...new Set(state.volume.map((point) => point.channel))].sort();
  const counts = Object.fromEntries(channels.map((channel) => [channel, hours.map((hour) => state.volume.find((point) => point.hour === hour && point.channel === channel)?.inbound ?? 0)]));
  return { hours, channels, counts };
}

/** "4:05", "1:02:03", "−0:12": a live clock read at a glance. */
export function formatClock(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const total = Math.abs(Math.trunc(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${s}` : `${sign}${m}:${s}`;
}
