import type { ChannelKind } from '../channels/channel.types.ts';
import type { EmotionReading } from '../emotion/emotion.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { MessageChoices } from '../reviews/review.types.ts';

export type MessageDirection = 'in' | 'out';
export type MessageAuthorKind = 'customer' | 'agent' | 'system';
/** 'received' is for inbound messages; the rest trace an outbound message through its channel. */
export type DeliveryStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface MessageAttachment {
  kind: string;
  /** Our own URL for the stored bytes (/api/media/<sha256>) once downloaded. */
  url?: string | null;
  mimeType?: string | null;
  caption?: string | null;
  filename?: string | null;
  data?: Record<string, unknown>;
  /** Channel media arrive as references: pending until downloaded, unavailable if the channel lost them. */
  state?: 'pending' | 'stored' | 'unavailable';
  externalRef?: string | null;
  sha256?: string | null;
  size?: number | null;
  /** Why an unavailable attachment was not downloaded, when we refused it (code maps to the console's text). */
  error?: { code: string; reason: string } | null;
}

export interface MessageReaction {
  emoji: string;
  by: 'customer' | 'agent';
  at: Instant;
}

/** Who sent an outgoing message that did not come from our composer. */
export type MessageVia = 'instagram_app' | 'whatsapp_business_app';

export interface MessageTemplate {
  name: string;
  language: string;
  parameters: string[];
}

export interface Message {
  id: number;
  ticketId: number;
  direction: MessageDirection;
  authorKind: MessageAuthorKind;
  authorUserId: number | null;
  authorName: string | null;
  channel: ChannelKind;
  /** The identity it came through or was sent to (null only on messages older than identities per message). */
  identityId: number | null;
  externalId: string | null;
  body: string;
  attachments: MessageAttachment[];
  status: DeliveryStatus;
  error: { code: string; reason: string } | null;
  via: MessageVia | null;
  replyToExternalId: string | null;
  context: Record<string, unknown> | null;
  placeholder: 'unsupported' | 'unavailable' | null;
  template: MessageTemplate | null;
  /** The options of a structured question we sent (rating, consent); null for every other message. */
  choices: MessageChoices | null;
  editCount: number;
  editedAt: Instant | null;
  deletedAt: Instant | null;
  reactions: MessageReaction[];
  /** How the customer's text reads (stage 1), taken on ingest; null for outbound, media-only and older messages. Staff only. */
  emotion: EmotionReading | null;
  /** Sent by the system, a rule or a bot rather than typed by a person: it never stops a response clock. */
  automated: boolean;
  /** The channel's own time for inbound messages; our send time for outbound. Orders the timeline. */
  sentAt: Instant;
  createdAt: Instant;
  updatedAt: Instant;
}
