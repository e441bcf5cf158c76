import type { InboundSender } from '../channels/channel.types.ts';
import type { ChannelKind } from '../channels/channel.types.ts';

/** A readable name for a customer we have never seen, so the inbox never shows a blank row. */
export function displayNameFor(channel: ChannelKind, sender: InboundSender): string {
  const given = sender.displayName?.trim();
  if (given) return given.slice(0, 120);
  if (sender.phone) return sender.phone;
  const suffix = sender.externalId.replace(/[^a-zA-Z0-9]/g, '').slice(-4).toUpperCase();
  const label = channel === 'webchat' ? 'Visitor' : channel === 'whatsapp' ? 'WhatsApp' : channel === 'instagram' ? 'Instagram' : 'Customer';
  return `${label} ${suffix}`;
}
