import type { Instant } from '../shared/instant.ts';
import type { DeliveryStatus } from '../messages/message.types.ts';
import type { ErrorCode } from '../shared/errors.ts';
import type { ChoiceAnswer, MessageChoices } from '../reviews/review.types.ts';

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
  /**
   * Other ids the same person may already be known by on this channel (a WhatsApp wa_id when the
   * externalId is the newer business-scoped user id), so a change of key never splits a customer.
   */
  aliases?: string[];
}

export type AttachmentKind =
  | 'image'
  | 'video'
  | 'audio'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contacts'
  | 'story'
  | 'share'
  | 'unsupported';

export interface InboundAttachment {
  kind: AttachmentKind;
  /**
   * Where the bytes come from: a WhatsApp media id (fetched with the token) or an Instagram CDN URL.
   * Null for attachments that carry their data inline (location, contacts).
   */
  externalRef?: string | null;
  mimeType?: string | null;
  /** Base64 SHA-256 announced by the channel, checked after download. */
  sha256?: string | null;
  caption?: string | null;
  filename?: string | null;
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
  /** The channel id of the message this one quotes or replies to. */
  replyToExternalId?: string | null;
  /**
   * 'customer' for what the customer wrote; 'business_app' for an echo of a message the business typed
   * in the channel's own app (Instagram app, WhatsApp Business app), stored as outgoing.
   */
  author?: 'customer' | 'business_app';
  /** Set when the channel could not give us the content: the timeline still shows that they wrote. */
  placeholder?: 'unsupported' | 'unavailable' | null;
  /** Channel context worth keeping: forwarded flags, button/list payloads, ad referrals, story links. */
  context?: Record<string, unknown>;
  /**
   * Set when the message answers one of our structured questions (WhatsApp button or list reply, template
   * button, Instagram quick reply, widget rating): ingest routes it to the review it answers.
   */
  answer?: ChoiceAnswer;
}

export interface InboundStatusEvent {
  kind: 'status';
  channel: ChannelKind;
  /** The id the channel gave our outbound message. */
  externalMessageId: string;
  status: Exclude<DeliveryStatus, 'queued' | 'received'>;
  at: Instant;
  error?: { code: string; reason: string } | null;
  /** Our correlation id, when the channel echoes it (WhatsApp's biz_opaque_callback_data). */
  correlationId?: string | null;
  /** Whom the channel says the message went to (WhatsApp: recipient_id and / or recipient_user_id). */
  recipientExternalIds?: readonly string[];
}

/** The customer reacted to a message (emoji null = reaction removed). */
export interface InboundReactionEvent {
  kind: 'reaction';
  channel: ChannelKind;
  targetExternalId: string;
  senderExternalId: string;
  emoji: string | null;
  at: Instant;
}

/** The customer edited a message they had sent. */
export interface InboundEditEvent {
  kind: 'edit';
  channel: ChannelKind;
  targetExternalId: string;
  body: string;
  at: Instant;
}

/** A message was unsent / revoked; it stays in the timeline, flagged deleted. */
export interface InboundDeleteEvent {
  kind: 'delete';
  channel: ChannelKind;
  targetExternalId: string;
  at: Instant;
}

/** The customer's id on the channel changed (WhatsApp number change): re-key, keep the history. */
export interface InboundIdentityChangeEvent {
  kind: 'identity_change';
  channel: ChannelKind;
  previousExternalId: string;
  externalId: string;
  phone?: string | null;
  at: Instant;
}

export type InboundEvent =
  | InboundMessageEvent
  | InboundStatusEvent
  | InboundReactionEvent
  | InboundEditEvent
  | InboundDeleteEvent
  | InboundIdentityChangeEvent;

export interface OutboundTemplate {
  name: string;
  language: string;
  /** Body parameters in order ({{1}}, {{2}} …). */
  parameters: string[];
}

export interface OutboundMessage {
  messageId: number;
  ticketId: number;
  channel: ChannelKind;
  /** The recipient's id on that channel (identity external id). */
  recipientExternalId: string;
  /** The recipient's phone, where the channel addresses people by number. */
  recipientPhone?: string | null;
  body: string;
  /** Set for template sends (WhatsApp outside the 24-hour window). */
  template?: OutboundTemplate | null;
  replyToExternalId?: string | null;
  /** When the customer last wrote on this channel: adapters decide window tags (HUMAN_AGENT) from it. */
  lastInboundAt?: Instant | null;
  /** Our own correlation id, echoed by channels that support it (biz_opaque_callback_data). */
  correlationId?: string;
  /**
   * A structured question (rating, consent) to send natively: WhatsApp list / reply buttons, Instagram
   * quick replies. `body` is still the question's text.
   */
  choices?: MessageChoices | null;
}

/** Bytes of an inbound attachment fetched from the channel. */
export interface FetchedMedia {
  bytes: Uint8Array;
  /** What the channel claimed; only a hint; the stored type is decided from the bytes (media-type.rules.ts). */
  mimeType: string;
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
  /** The channel says this person cannot be reached (blocked us, deactivated): flag the contact. */
  readonly recipientUnreachable: boolean;

  constructor(input: {
    code: string;
    reason: string;
    retryable: boolean;
    retryAfterMs?: number;
    pauseChannel?: boolean;
    recipientUnreachable?: boolean;
  }) {
    super(input.reason);
    this.name = 'ChannelSendError';
    this.code = input.code;
    this.retryable = input.retryable;
    this.retryAfterMs = input.retryAfterMs;
    this.pauseChannel = input.pauseChannel ?? false;
    this.recipientUnreachable = input.recipientUnreachable ?? false;
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
  /**
   * Downloads an inbound attachment's bytes (channels with media). Throws ChannelMediaError; `expired`
   * means the channel will never serve it again and the attachment is shown as unavailable.
   */
  fetchMedia?(attachment: InboundAttachment): Promise<FetchedMedia>;
}

export class ChannelMediaError extends Error {
  readonly expired: boolean;
  /**
   * Set when we refused the download ourselves (blocked address, too large, too slow): final, never
   * retried, and stored on the attachment so the agent sees why.
   */
  readonly code: MediaRefusalCode | null;
  constructor(reason: string, expired: boolean, code: MediaRefusalCode | null = null) {
    super(reason);
    this.name = 'ChannelMediaError';
    this.expired = expired;
    this.code = code;
  }
}

export type MediaRefusalCode = Extract<ErrorCode, `media.${string}`>;
