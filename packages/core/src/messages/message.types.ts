import type { ChannelKind } from '../channels/channel.types.ts';
import type { Instant } from '../shared/instant.ts';

export type MessageDirection = 'in' | 'out';
export type MessageAuthorKind = 'customer' | 'agent' | 'system';
/** 'received' is for inbound messages; the rest trace an outbound message through its channel. */
export type DeliveryStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface MessageAttachment {
  kind: string;
  url?: string | null;
  mimeType?: string | null;
  caption?: string | null;
  data?: Record<string, unknown>;
}

export interface Message {
  id: number;
  ticketId: number;
  direction: MessageDirection;
  authorKind: MessageAuthorKind;
  authorUserId: number | null;
  authorName: string | null;
  channel: ChannelKind;
  externalId: string | null;
  body: string;
  attachments: MessageAttachment[];
  status: DeliveryStatus;
  error: { code: string; reason: string } | null;
  /** The channel's own time for inbound messages; our send time for outbound. Orders the timeline. */
  sentAt: Instant;
  createdAt: Instant;
  updatedAt: Instant;
}
