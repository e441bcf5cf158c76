import type { ChannelKind } from '../channels/channel.types.ts';
import type { ChannelStatus } from '../channels/channel-config.types.ts';
import type { Message, DeliveryStatus } from '../messages/message.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { TicketView } from '../tickets/ticket.types.ts';
import type { TicketMove } from '../tickets/ticket-move.types.ts';
import type { TicketActivity, TicketNote } from '../notes/note.types.ts';
import type { TicketPromise } from '../promises/promise.types.ts';
import type { RecoveryTask, Review } from '../reviews/review.types.ts';
import type { StuckTicket, WorkflowSnapshot } from '../workflow/workflow.types.ts';
import type { SlaClock } from '../sla/sla.types.ts';
import type { StaffPresence } from '../ports/presence.port.ts';
import type { CustomerMerge, CustomerSuggestion } from '../customers/merge.types.ts';

/**
 * Every change a client can see is one of these, appended to the event log inside the transaction that
 * made the change. The log id is monotonic, so a reconnecting client asks for "everything after N".
 */
export interface DomainEventPayloads {
  'ticket.created': { ticket: TicketView };
  'ticket.updated': { ticket: TicketView; changes: string[] };
  'message.created': { message: Message; ticket: TicketView };
  /**
   * Messages moved between two tickets (a merge, a split, or the undo of one): announced to both tickets'
   * rooms; a console showing either reloads its timeline. Staff only.
   */
  'ticket.moved': { move: TicketMove; source: TicketView; target: TicketView; undone: boolean };
  /** Content changed after creation: an edit, an unsend, a reaction, a downloaded attachment. */
  'message.updated': { message: Message; changes: string[] };
  /** A channel needs attention (reconnect) or is healthy again. Staff only. */
  'channel.updated': { kind: ChannelKind; status: ChannelStatus; reason: string | null };
  'message.status': {
    messageId: number;
    ticketId: number;
    status: DeliveryStatus;
    error: { code: string; reason: string } | null;
  };
  /** The ticket's workflow changed (stage, checklist, category, fault, root cause, solution, linked case, complaint flag). */
  'workflow.updated': { workflow: WorkflowSnapshot; ticket: TicketView; changes: string[] };
  /** Staff only: never projected to a visitor. */
  'note.created': { note: TicketNote };
  /** Something the system did to the ticket, with why (a priority raised by the customer's tone). */
  'ticket.activity': { activity: TicketActivity };
  /** Visitors see their own promise (text, due time, state) as a card. */
  'promise.updated': { promise: TicketPromise; change: 'created' | 'reminder' | 'overdue' | 'kept' | 'broken' | 'cancelled' };
  'review.updated': { review: Review; change: 'requested' | 'rated' | 'commented' | 'consent' | 'completed' | 'expired' | 'moderated' };
  /** Staff only: a low score became work for a supervisor, or that work changed. */
  'recovery.updated': { task: RecoveryTask };
  /** A ticket sat in its stage past the threshold: its assignee is nudged, supervisors see it listed. */
  'workflow.stuck': { stuck: StuckTicket };
  /**
   * The ticket's SLA clocks after a recompute (a message, a status or priority change) or when a clock
   * reaches its warning or due time. Staff only. `clocks` is the whole set, so a client replaces, never merges.
   */
  'sla.updated': { ticketId: number; clocks: SlaClock[]; change: 'recomputed' | 'warning' | 'breached' };
  /** An agent's effective status changed (connected, idle, manual toggle, grace period over). Staff only. */
  'presence.updated': { presence: StaffPresence };
  /** Staff only: one customer merged into another (docs/customers.md), once per ticket it touched. */
  'customer.merged': { merge: CustomerMerge };
  /** Staff only: a merge undone, once per ticket it touched. */
  'customer.unmerged': { merge: CustomerMerge };
  /** Staff only: a probable match appeared on the ticket, or was confirmed or rejected. */
  'suggestion.updated': { suggestion: CustomerSuggestion };
}

export type DomainEventType = keyof DomainEventPayloads;

export type NewDomainEvent = {
  [T in DomainEventType]: {
    type: T;
    ticketId: number | null;
    /** Lets a widget visitor replay only their own conversation. */
    customerId: number | null;
    payload: DomainEventPayloads[T];
  };
}[DomainEventType];

/** `teamId` and `assigneeId` are the ticket's when the event was written: who may see it is decided on them. */
export type StoredEvent = NewDomainEvent & { id: number; createdAt: Instant; teamId: number | null; assigneeId: number | null };

/** Listeners (realtime, outbox dispatch, later SLA clocks and automations) hear events after commit. */
export interface EventPublisher {
  publish(events: readonly StoredEvent[]): void;
}
