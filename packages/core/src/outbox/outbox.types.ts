import type { ChannelKind } from '../channels/channel.types.ts';
import type { Instant } from '../shared/instant.ts';

export type OutboxState = 'pending' | 'done' | 'failed';

/** One agent message waiting to leave through its channel. Written in the same transaction as the message. */
export interface OutboxItem {
  id: number;
  messageId: number;
  channel: ChannelKind;
  state: OutboxState;
  attempts: number;
  availableAt: Instant;
  lastError: string | null;
  /** The process holding the send right now, and until when (see Lease); null when nobody does. */
  leaseOwner: string | null;
  leaseUntil: Instant | null;
  createdAt: Instant;
}
