import type { ChannelKind } from './channel.types.ts';
import type { Instant } from '../shared/instant.ts';
import { MAX_MESSAGE_LENGTH } from '../messages/message.rules.ts';

const HOUR = 60 * 60 * 1000;

/** How long after the customer's last message a channel accepts free-form replies, and what then. */
export const channelWindows: Partial<Record<ChannelKind, { freeFormMs: number; humanAgentMs?: number }>> = {
  // WhatsApp §2.8: 24 h customer-service window; outside it only approved templates.
  whatsapp: { freeFormMs: 24 * HOUR },
  // Instagram §3.6: 24 h standard window; a human agent may reply with HUMAN_AGENT up to 7 days.
  instagram: { freeFormMs: 24 * HOUR, humanAgentMs: 7 * 24 * HOUR },
};

export type WindowState =
  | { state: 'none' }
  | { state: 'open'; closesAt: Instant }
  | { state: 'human_agent'; closesAt: Instant }
  | { state: 'closed'; closedAt: Instant | null };

/** Where a conversation stands with its channel's messaging window, for the composer and for sends. */
export function windowState(channel: ChannelKind, lastInboundAt: Instant | null, now: Instant): WindowState {
  const rules = channelWindows[channel];
  if (!rules) return { state: 'none' };
  if (!lastInboundAt) return { state: 'closed', closedAt: null };
  const last = Date.parse(lastInboundAt);
  const elapsed = Date.parse(now) - last;
  if (elapsed < rules.freeFormMs) return { state: 'open', closesAt: new Date(last + rules.freeFormMs).toISOString() };
  if (rules.humanAgentMs && elapsed < rules.humanAgentMs) {
    return { state: 'human_agent', closesAt: new Date(last + rules.humanAgentMs).toISOString() };
  }
  return { state: 'closed', closedAt: new Date(last + (rules.humanAgentMs ?? rules.freeFormMs)).toISOString() };
}

/** Text limits each channel enforces; checked before we call the channel (channels.md §2.10, §3.9). */
export const textLimits: Partial<Record<ChannelKind, { max: number; unit: 'characters' | 'bytes' }>> = {
  whatsapp: { max: 4096, unit: 'characters' },
  instagram: { max: 1000, unit: 'bytes' },
};

/**
 * What one reply on the channel may hold: the channel's own limit where it has one, else our message
 * body limit (validateMessageBody), which every reply passes too.
 */
export function replyTextLimit(channel: ChannelKind): { max: number; unit: 'characters' | 'bytes' } {
  return textLimits[channel] ?? { max: MAX_MESSAGE_LENGTH, unit: 'characters' };
}

/** Length of a text as the channel counts it (Instagram counts UTF-8 bytes: an emoji is 4). */
export function textLength(channel: ChannelKind, body: string): number {
  return textLimits[channel]?.unit === 'bytes' ? utf8Length(body) : body.length;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function exceedsTextLimit(channel: ChannelKind, body: string): boolean {
  const limit = textLimits[channel];
  return limit !== undefined && textLength(channel, body) > limit.max;
}

/**
 * Channels whose webhooks carry only an opaque sender id, so a new customer is named from the channel's
 * profile API after the message is stored (Instagram: IGSID only, channels.md §3.7).
 */
export const channelsNamedFromProfile: readonly ChannelKind[] = ['instagram'];
