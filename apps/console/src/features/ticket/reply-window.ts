import { windowAt } from '@keluh/core';
import type { WindowStateDto } from '@keluh/contracts';

/*
 * How the composer shows a reply window. What the window is and how it moves (time, a customer message,
 * a channel's refusal) are core's rules (channels/window.rules.ts), the same the server applies.
 */

const HOUR = 60 * 60 * 1000;
/** Under two hours left the countdown turns amber: time to wrap up or ask the customer to write again. */
export const WINDOW_WARN_MS = 2 * HOUR;

export type WindowLevel = 'none' | 'ok' | 'warn' | 'closed';

export interface WindowView {
  state: WindowStateDto['state'];
  level: WindowLevel;
  /** Until the current state ends (open → human agent or closed; human agent → closed); null otherwise. */
  remainingMs: number | null;
}

/** What the status line shows at `now`. */
export function windowView(window: WindowStateDto, now: number): WindowView {
  const current = windowAt(window, new Date(now).toISOString());
  if (current.state === 'none') return { state: 'none', level: 'none', remainingMs: null };
  if (current.state === 'closed') return { state: 'closed', level: 'closed', remainingMs: null };
  const remainingMs = current.closesAt ? Math.max(0, Date.parse(current.closesAt) - now) : null;
  // The human-agent window is already the fallback: always shown as a warning.
  const level = current.state === 'human_agent' || (remainingMs !== null && remainingMs < WINDOW_WARN_MS) ? 'warn' : 'ok';
  return { state: current.state, level, remainingMs };
}

export type RemainingParts = { unit: 'days'; days: number } | { unit: 'hours'; hours: number; minutes: number } | { unit: 'minutes'; minutes: number } | { unit: 'moment' };

/** Floor-rounded, so the countdown never promises more time than is left: 5 h 12 m, 3 days, 42 m. */
export function remainingParts(ms: number): RemainingParts {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return { unit: 'moment' };
  if (minutes < 60) return { unit: 'minutes', minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { unit: 'hours', hours, minutes: minutes % 60 };
  return { unit: 'days', days: Math.floor(hours / 24) };
}
