import type { Instant } from '../shared/instant.ts';
import type { DeliveryStatus } from '../messages/message.types.ts';

export const channelKinds = ['webchat', 'whatsapp', 'instagram', 'api'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export interface InboundSender {
  /** The channel's own id for the person: widget visitor id, WhatsApp wa_id/BSUID, IGSID … */
  externalId: string;
  displayName?: string | null;
  phone?: string | null;
  email?: string | null;
  /** True when the channel has proven who this is (a signed widget identity, a WhatsApp number). */
  verified?: boolean;
}

export interface InboundAttachment {
  kind: 'image' | 'video' | 'audio' | 'document' | 'sticker' | 'location' | 'contacts' | 'unsupported';
  /** Channel reference to fetch later (media id), or null when inline. */
  externalRef?: string | null;
  mimeType?: string | null;
  caption?: string | null;
  data?: Record<string, unknown>;
}

export interface InboundMessageEvent {
  kind: 'message';
  channel: ChannelKind;
  /** Idempotency key: unique per channel. A redelivery carries the same id and changes nothing. */
  externalMessageId: string;
  sender: InboundSender;
  body: string;
  attachments?: InboundAttachment[];
  /** The channel's own timestamp, used to order messages inside a ticket. */
  sentAt: Instant;
  replyToExternalId?: string | null;
}

export interface InboundStatusEvent {
  kind: 'status';
  channel: ChannelKind;
  /** The id the channel gave our outbound message. */
  externalMessageId: string;
  status: Exclude<DeliveryStatus, 'queued' | 'received'>;
  at: Instant;
  error?: { code: string; reason: string } | null;
}

export type InboundEvent = InboundMessageEvent | InboundStatusEvent;

export interface OutboundMessage {
  messageId: number;
  ticketId: number;
  channel: ChannelKind;
  /** The recipient's id on that channel (identity external id). */
  recipientExternalId: string;
  body: string;
}

export interface DeliveryReceipt {
  /** The id the channel assigned; statuses refer to it later. */
  externalMessageId: string;
}

/**
 * Thrown by an adapter's send. `retryable` failures are rescheduled with back-off; others mark the
 * message failed with the reason shown to the agent.
 */
export class ChannelSendError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  /** Pause the channel's whole queue (expired token) instead of failing one message. */
  readonly pauseChannel: boolean;

  constructor(input: { code: string; reason: string; retryable: boolean; retryAfterMs?: number; pauseChannel?: boolean }) {
    super(input.reason);
    this.name = 'ChannelSendError';
    this.code = input.code;
    this.retryable = input.retryable;
    this.retryAfterMs = input.retryAfterMs;
    this.pauseChannel = input.pauseChannel ?? false;
  }
}

/**
 * The port every channel implements. How a delivery is authenticated differs per channel (webhook
 * signature over raw bytes, visitor token, API-channel HMAC), so `parse` receives an already
 * authenticated delivery and only turns it into events.
 */
export interface ChannelAdapter<Delivery = unknown> {
  readonly channel: ChannelKind;
  /** Turns one authenticated delivery into zero or more inbound events; throws AppError on bad input. */
  parse(delivery: Delivery): InboundEvent[];
  /** Sends one agent message; resolves with the channel's id or throws ChannelSendError. */
  send(message: OutboundMessage): Promise<DeliveryReceipt>;
}
