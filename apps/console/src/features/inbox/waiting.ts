import type { TicketViewDto } from '@keluh/contracts';

/** Placeholder SLA until SLA policies exist: green under 5 minutes, amber under 15, red beyond. */
export const WAIT_AMBER_MS = 5 * 60_000;
export const WAIT_RED_MS = 15 * 60_000;

export type WaitLevel = 'ok' | 'warn' | 'breach';

export type WaitInfo =
  | { kind: 'waiting'; ms: number; level: WaitLevel }
  /** The agent had the last word, or the ticket is finished: only the age of the last activity. */
  | { kind: 'idle'; ms: number };

export function waitInfo(
  ticket: Pick<TicketViewDto, 'status' | 'lastInboundAt' | 'lastMessageAt'>,
  now: number,
): WaitInfo {
  const active = ticket.status === 'open' || ticket.status === 'pending';
  const inbound = ticket.lastInboundAt ? Date.parse(ticket.lastInboundAt) : null;
  // Ingest sets lastMessageAt and lastInboundAt together, so "customer wrote last" is inbound >= last.
  if (active && inbound !== null && inbound >= Date.parse(ticket.lastMessageAt)) {
    const ms = Math.max(0, now - inbound);
    return { kind: 'waiting', ms, level: ms < WAIT_AMBER_MS ? 'ok' : ms < WAIT_RED_MS ? 'warn' : 'breach' };
  }
  return { kind: 'idle', ms: Math.max(0, now - Date.parse(ticket.lastMessageAt)) };
}

export type DurationParts = { unit: 'now' } | { unit: 'minutes' | 'hours' | 'days'; n: number };

/** Compact, floor-rounded: 59 s is "now", 61 min is "1 h". */
export function durationParts(ms: number): DurationParts {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return { unit: 'now' };
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { unit: 'hours', n: hours };
  return { unit: 'days', n: Math.floor(hours / 24) };
}
