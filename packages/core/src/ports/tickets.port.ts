import type { ChannelKind } from '../channels/channel.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { Ticket, TicketPage, TicketPriority, TicketQuery, TicketStatus, TicketView } from '../tickets/ticket.types.ts';

export interface NewTicket {
  customerId: number;
  subject: string;
  channel: ChannelKind;
  priority?: TicketPriority;
  status?: TicketStatus;
  /** Omitted: the default team (the lowest id), chosen in the same statement, so no ticket is left without one. */
  teamId?: number | null;
  /** The finished ticket this one follows (the customer wrote again after the reopen window). */
  previousTicketId?: number | null;
}

/** Fields a person (or a rule acting for one) changes; each change bumps the ticket's version. */
export type TicketPatch = Partial<Pick<Ticket, 'status' | 'stage' | 'priority' | 'assigneeId' | 'teamId' | 'resolvedAt' | 'mergedIntoTicketId'>>;

/** What an inbound customer message does to its ticket, applied in one statement. */
export interface InboundActivity {
  at: Instant;
  channel: ChannelKind;
  /** The new preview, or null to keep the current one (a late, older message). */
  preview: string | null;
  /** Statuses that turn back into `open` because the customer wrote again. */
  reopen: readonly TicketStatus[];
}

/** What an agent's reply does to its ticket, applied in one statement. */
export interface ReplyActivity {
  at: Instant;
  preview: string;
  /** Statuses the reply turns back into `open` (unless the customer already has another active ticket). */
  reopen: readonly TicketStatus[];
}

/**
 * Guarantees:
 * - at most one active (open or pending) ticket per customer, enforced by a unique constraint;
 * - counters change in SQL (`unread_count = unread_count + 1`), so concurrent writers never lose a count;
 * - `version` grows by one with every change to a TicketPatch field or a reopen; `update` with an
 *   `expectedVersion` that is no longer current changes nothing and fails with `ticket.conflict`.
 */
export interface TicketRepository {
  /** Null when the customer already has an active ticket (maybe opened by a concurrent delivery): read that one. */
  createActiveIfAbsent(input: NewTicket, now: Instant): Promise<Ticket | null>;
  findById(id: number): Promise<Ticket | null>;
  /**
   * Reads a ticket and holds it against concurrent changes until the transaction ends (SELECT … FOR UPDATE;
   * SQLite's single writer holds everything already). Use inside a transaction before read-modify-write.
   */
  lock(id: number): Promise<Ticket | null>;
  findView(id: number): Promise<TicketView | null>;
  /** The customer's ticket that threads new messages (open or pending), if any, as a view (ingest needs both). */
  findActiveForCustomer(customerId: number): Promise<TicketView | null>;
  /** The customer's most recently resolved ticket (resolved or closed, not merged away): the one a new message may reopen. */
  findLatestFinishedForCustomer(customerId: number): Promise<Ticket | null>;
  /**
   * Turns a finished (resolved or closed, not merged) ticket back into `open`, in one conditional
   * statement. Null when it is no longer finished or the customer has another active ticket (a concurrent
   * delivery reopened or opened one first): read that one. A concurrent, uncommitted new ticket surfaces
   * as `ticket.active_exists` from the unique index.
   */
  reopenFinished(id: number, now: Instant): Promise<Ticket | null>;
  /** All of a customer's tickets, oldest first (the widget shows the whole conversation history). */
  listForCustomer(customerId: number): Promise<Ticket[]>;
  /**
   * Applies a patch. `ticket.not_found` when missing, `ticket.conflict` when `expectedVersion` is stale,
   * `ticket.active_exists` when it would give the customer a second active ticket.
   */
  update(id: number, patch: TicketPatch, now: Instant, expectedVersion?: number): Promise<Ticket>;
  recordInbound(id: number, activity: InboundActivity, now: Instant): Promise<Ticket>;
  recordReply(id: number, activity: ReplyActivity, now: Instant): Promise<Ticket>;
  /** Moves the conversation on without answering it (an echo typed in the channel's own app): time and preview only. */
  recordActivity(id: number, activity: { at: Instant; preview: string }, now: Instant): Promise<Ticket>;
  /** Clears the unread count; null when it already was zero (nothing to announce). */
  markRead(id: number, now: Instant): Promise<Ticket | null>;
  /** Gives tickets to another customer (a customer merge or its undo); the caller keeps one active ticket per customer. */
  moveToCustomer(ids: readonly number[], customerId: number, now: Instant): Promise<void>;
  /**
   * Folds a ticket into another (closed, `merged_into_ticket_id` set) or, with `intoTicketId: null`,
   * gives it back its status; the version moves on so a stale edit of the folded ticket is refused.
   */
  setMergedInto(id: number, change: { intoTicketId: number | null; status: TicketStatus }, now: Instant): Promise<Ticket>;
  /** Newest activity first (lastMessageAt desc, id desc), keyset-paginated. */
  list(query: TicketQuery): Promise<TicketPage>;
}
