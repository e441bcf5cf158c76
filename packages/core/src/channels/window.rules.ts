import { channelWindows, windowState, type WindowState } from './channel.rules.ts';
import type { ChannelKind } from './channel.types.ts';
import type { Instant } from '../shared/instant.ts';

/*
 * How a reply window moves once it has been reported: the server works it out from the customer's last
 * message (replyWindow), and a client that shows it keeps it current from the same rules — the clock
 * runs on, the customer writes again, the channel refuses a reply.
 */

/** A reply window as the API reports it: the channel and where it stands (WindowState, flattened). */
export interface ChannelWindow {
  channel: ChannelKind;
  state: WindowState['state'];
  closesAt?: Instant | null;
  closedAt?: Instant | null;
}

/**
 * Failure codes meaning the channel refused a reply because its window had closed. Adapters translate
 * the channels' own codes to ours (WhatsApp's 131047, sync or by webhook; Instagram's window errors).
 */
const WINDOW_REFUSAL_CODES = new Set(['channel.window_closed']);

export function isWindowRefusal(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && WINDOW_REFUSAL_CODES.has(code);
}

/**
 * Our clock and the channel's can disagree (channels.md §2.8 notes replies failing inside the window):
 * a refusal of a reply sent after the customer's last message closes the window until they write again.
 */
export function refusalClosesWindow(lastInboundAt: Instant | null, refusedSentAt: Instant): boolean {
  return lastInboundAt === null || Date.parse(refusedSentAt) > Date.parse(lastInboundAt);
}

/**
 * The customer's last message as implied by a reported window (open: closesAt − 24 h, human agent:
 * closesAt − 7 days). Null when the window carries no such instant (closed, or a channel without one).
 */
export function lastInboundOf(window: ChannelWindow): Instant | null {
  const rules = channelWindows[window.channel];
  if (!rules || !window.closesAt) return null;
  const closesAt = Date.parse(window.closesAt);
  if (window.state === 'open') return new Date(closesAt - rules.freeFormMs).toISOString();
  if (window.state === 'human_agent' && rules.humanAgentMs) return new Date(closesAt - rules.humanAgentMs).toISOString();
  return null;
}

/**
 * The window as it stands at `now`: an open window moves on to the human-agent window (Instagram) or
 * closes (WhatsApp) as time passes; a closed one stays closed until the customer writes.
 */
export function windowAt(window: ChannelWindow, now: Instant): ChannelWindow {
  const last = lastInboundOf(window);
  if (last === null) return window;
  return { channel: window.channel, ...windowState(window.channel, last, now) };
}

/** A customer message re-opens the window from its own timestamp, unless a later one already did. */
export function windowAfterInbound(window: ChannelWindow, channel: ChannelKind, sentAt: Instant): ChannelWindow {
  const rules = channelWindows[channel];
  if (!rules) return { channel, state: 'none' };
  const last = window.channel === channel ? lastInboundOf(window) : null;
  if (last !== null && Date.parse(last) >= Date.parse(sentAt)) return window;
  return { channel, state: 'open', closesAt: new Date(Date.parse(sentAt) + rules.freeFormMs).toISOString() };
}

/** The channel refused `refused` for its window at `at`: the window closes if that reply came after the customer wrote. */
export function windowAfterRefusal(window: ChannelWindow, refused: { channel: ChannelKind; sentAt: Instant }, at: Instant): ChannelWindow {
  if (refused.channel !== window.channel || window.state === 'none' || window.state === 'closed') return window;
  if (!refusalClosesWindow(lastInboundOf(window), refused.sentAt)) return window;
  return { channel: window.channel, state: 'closed', closedAt: at };
}

/** Templates are a WhatsApp feature: approved texts it delivers even outside the window. */
export function acceptsTemplates(channel: ChannelKind): boolean {
  return channel === 'whatsapp';
}

/**
 * What a reply may be right now: free text while the window is open (or the channel has none); once
 * closed, an approved template where the channel takes them, else nothing until the customer writes.
 */
export function replyMode(window: ChannelWindow): 'text' | 'template' | 'blocked' {
  if (window.state !== 'closed') return 'text';
  return acceptsTemplates(window.channel) ? 'template' : 'blocked';
}
