import { channelWindows, windowState } from '@keluh/core';
import type { ChannelKind } from '@keluh/core';
import type { MessageDto, WindowStateDto } from '@keluh/contracts';

const HOUR = 60 * 60 * 1000;
/** Under two hours left the countdown turns amber: time to wrap up or ask the customer to write again. */
export const WINDOW_WARN_MS = 2 * HOUR;

/**
 * Failure codes meaning the channel refused because its window had closed: our adapters' code, and
 * WhatsApp's asynchronous 131047 status (reported bare by the webhook, prefixed when refused on send).
 */
const WINDOW_REFUSAL_CODES = new Set(['channel.window_closed', '131047', 'whatsapp.131047']);

export function isWindowRefusal(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && WINDOW_REFUSAL_CODES.has(code);
}

/**
 * The customer's last message as implied by the server's answer (open: closesAt − 24 h, human agent:
 * closesAt − 7 days). Null when the window carries no such instant (closed, or a channel without one).
 */
export function lastInboundOf(window: WindowStateDto): number | null {
  const rules = channelWindows[window.channel];
  if (!rules || !window.closesAt) return null;
  if (window.state === 'open') return Date.parse(window.closesAt) - rules.freeFormMs;
  if (window.state === 'human_agent' && rules.humanAgentMs) return Date.parse(window.closesAt) - rules.humanAgentMs;
  return null;
}

/**
 * The window as it stands at `now`: the server answered at load time, and an open window moves on to
 * the human-agent window (Instagram) or closes (WhatsApp) while the agent is looking at the ticket.
 */
export function currentWindow(window: WindowStateDto, now: number): WindowStateDto {
  const last = lastInboundOf(window);
  if (last === null) return window;
  const state = windowState(window.channel, new Date(last).toISOString(), new Date(now).toISOString());
  return { channel: window.channel, ...state };
}

/** A customer message re-opens the window from its own timestamp, unless a later one already did. */
export function windowAfterInbound(window: WindowStateDto, channel: ChannelKind, sentAt: string): WindowStateDto {
  const rules = channelWindows[channel];
  if (!rules) return { channel, state: 'none' };
  const sent = Date.parse(sentAt);
  const last = window.channel === channel ? lastInboundOf(window) : null;
  if (last !== null && last >= sent) return window;
  return { channel, state: 'open', closesAt: new Date(sent + rules.freeFormMs).toISOString() };
}

/**
 * The channel refused a reply sent after the customer's last message: our clock and theirs can
 * disagree, so trust the channel until the customer writes again (as the server does).
 */
export function windowAfterRefusal(window: WindowStateDto, refused: Pick<MessageDto, 'channel' | 'sentAt'>, at: string): WindowStateDto {
  if (refused.channel !== window.channel || window.state === 'none' || window.state === 'closed') return window;
  const last = lastInboundOf(window);
  if (last !== null && Date.parse(refused.sentAt) < last) return window;
  return { channel: window.channel, state: 'closed', closedAt: at };
}

export type WindowLevel = 'none' | 'ok' | 'warn' | 'closed';

export interface WindowView {
  state: WindowStateDto['state'];
  level: WindowLevel;
  /** Until the current state ends (open → human agent or closed; human agent → closed); null otherwise. */
  remainingMs: number | null;
}

/** What the status line shows at `now`. */
export function windowView(window: WindowStateDto, now: number): WindowView {
  const current = currentWindow(window, now);
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
