import type { ChannelKind } from '../channels/channel.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { TicketStatus } from './ticket.types.ts';

export const ticketMoveKinds = ['merge', 'split'] as const;
export type TicketMoveKind = (typeof ticketMoveKinds)[number];

/**
 * One merge or split, recorded with exactly what moved so that its undo puts it back (docs/customers.md
 * §Threading). Merge: every message of the source went to the target and the source closed. Split: the
 * chosen messages of the source went to a new target ticket of the same customer.
 */
export interface TicketMove {
  id: number;
  kind: TicketMoveKind;
  sourceTicketId: number;
  targetTicketId: number;
  messageIds: number[];
  /** The source's status before the move; a merge's undo restores it. */
  sourceStatusBefore: TicketStatus;
  actorUserId: number | null;
  createdAt: Instant;
  undoneAt: Instant | null;
  undoneByUserId: number | null;
}

export type NewTicketMove = Omit<TicketMove, 'id' | 'undoneAt' | 'undoneByUserId'>;

/** What a ticket's list row shows of its conversation, recomputed from its messages after a move. */
export interface ConversationSummary {
  lastMessageAt: Instant;
  lastMessagePreview: string;
  lastInboundAt: Instant | null;
  lastChannel: ChannelKind;
  unreadCount: number;
}
