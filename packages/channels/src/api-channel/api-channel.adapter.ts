import type { ChannelAdapter, DeliveryReceipt, InboundEvent, OutboundMessage } from '@keluh/core';
import { parseApiChannelDelivery, type ApiChannelDelivery } from './api-channel.inbound.ts';
import { sendApiChannelMessage, type ApiChannelLookup, type ApiChannelSendOptions } from './api-channel.send.ts';
import { isValidApiChannelSignature } from './api-channel.signature.ts';

/**
 * The generic channel for integrations we do not ship (email bridges, Telegram, marketplace chats):
 * signed JSON in, signed webhooks out. One adapter serves every API channel; the channel id inside each
 * key says which integration a customer or a reply belongs to, and its secret and URL are looked up on
 * every send, so a rotation or a new URL applies to the very next attempt.
 */
export class ApiChannelAdapter implements ChannelAdapter<ApiChannelDelivery> {
  readonly channel = 'api' as const;

  constructor(
    private readonly lookup: ApiChannelLookup,
    private readonly options: ApiChannelSendOptions = {},
  ) {}

  verifySignature(rawBody: Uint8Array, header: unknown, secret: string): boolean {
    return isValidApiChannelSignature(rawBody, header, secret);
  }

  parse(delivery: ApiChannelDelivery): InboundEvent[] {
    return parseApiChannelDelivery(delivery);
  }

  send(message: OutboundMessage): Promise<DeliveryReceipt> {
    return sendApiChannelMessage(this.lookup, this.options, message);
  }
}
