import type { ChannelKind } from '../channels/channel.types.ts';
import type { Message } from '../messages/message.types.ts';
import type { TicketStory } from './story.types.ts';

/** The attachment kinds stand in for a message without text, as the inbox preview does. */
function spoken(message: Message): string {
  if (message.body.trim()) return message.body;
  const kinds = message.attachments.map((attachment) => attachment.kind);
  return kinds.length > 0 ? `[${kinds.join(', ')}]` : message.placeholder ? `[${message.placeholder}]` : '';
}

/**
 * The newest thing the customer said on each channel. Channel time orders them (a late delivery does not
 * become "the last thing said"); a message the customer deleted is skipped, so its text is not repeated.
 */
export function lastSaidPerChannel(messages: readonly Message[]): TicketStory['lastSaid'] {
  const latest = new Map<ChannelKind, Message>();
  for (const message of messages) {
    if (message.direction !== 'in' || message.deletedAt !== null || spoken(message) === '') continue;
    const seen = latest.get(message.channel);
    if (!seen || message.sentAt > seen.sentAt || (message.sentAt === seen.sentAt && message.id > seen.id)) latest.set(message.channel, message);
  }
  return [...latest.values()]
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt) || b.id - a.id)
    .map((message) => ({ channel: message.channel, messageId: message.id, body: spoken(message).slice(0, 500), sentAt: message.sentAt }));
}
