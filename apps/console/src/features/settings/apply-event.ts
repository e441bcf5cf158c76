import type { AgentEvent, ChannelViewDto } from '@keluh/contracts';

export type ChannelEventResult = { items: ChannelViewDto[]; unknownKind: boolean };

/**
 * Applies a `channel.updated` event to the channel list; returns the same array when nothing changes.
 * The list has no event-log position of its own, so the row's `updatedAt` guards against a replayed
 * event undoing a newer state (for example an admin's save after the failure that paused the channel).
 */
export function applyEventToChannels(items: ChannelViewDto[], event: AgentEvent): ChannelEventResult {
  if (event.type !== 'channel.updated') return { items, unknownKind: false };
  const { kind, status, reason } = event.payload;
  const index = items.findIndex((item) => item.kind === kind);
  if (index === -1) return { items, unknownKind: true };
  const current = items[index]!;
  if (Date.parse(event.createdAt) < Date.parse(current.updatedAt)) return { items, unknownKind: false };
  if (current.status === status && current.statusReason === reason) return { items, unknownKind: false };
  const next = [...items];
  next[index] = { ...current, status, statusReason: reason, updatedAt: event.createdAt };
  return { items: next, unknownKind: false };
}
