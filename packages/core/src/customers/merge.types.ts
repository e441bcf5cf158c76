import type { Instant } from '../shared/instant.ts';
import type { TicketStatus } from '../tickets/ticket.types.ts';

export const mergeReasons = ['manual', 'suggestion', 'verified_phone', 'verified_email'] as const;
export type MergeReason = (typeof mergeReasons)[number];

/** What showed the two were one person: the key that matched, or the suggestion confirmed. */
export interface MergeEvidence {
  phone?: string;
  email?: string;
  suggestionId?: number;
  identityId?: number;
}

/** B's active ticket folded into A's: enough to give it back exactly. */
export interface FoldedTicket {
  fromTicketId: number;
  intoTicketId: number;
  messageIds: number[];
  statusBefore: TicketStatus;
}

/** Exactly what moved from the merged customer to the survivor, so the undo moves only that back. */
export interface MergeMoves {
  identityIds: number[];
  ticketIds: number[];
  folded: FoldedTicket | null;
}

/** One merge of `mergedId` into `survivorId` (docs/customers.md §Links). */
export interface CustomerMerge {
  id: number;
  survivorId: number;
  mergedId: number;
  reason: MergeReason;
  evidence: MergeEvidence;
  actorUserId: number | null;
  moved: MergeMoves;
  createdAt: Instant;
  undoneAt: Instant | null;
  undoneByUserId: number | null;
}

export const suggestionReasons = ['phone_in_message', 'email_in_message', 'order_number', 'same_name'] as const;
export type SuggestionReason = (typeof suggestionReasons)[number];

export const suggestionStates = ['pending', 'confirmed', 'rejected'] as const;
export type SuggestionState = (typeof suggestionStates)[number];

/** A probable match shown on the ticket for an agent to decide; never a merge by itself. */
export interface CustomerSuggestion {
  id: number;
  ticketId: number;
  /** The customer of the ticket. */
  customerId: number;
  /** The other customer who may be the same person. */
  candidateId: number;
  reason: SuggestionReason;
  evidence: { value: string; messageId?: number };
  state: SuggestionState;
  decidedByUserId: number | null;
  decidedAt: Instant | null;
  createdAt: Instant;
}
