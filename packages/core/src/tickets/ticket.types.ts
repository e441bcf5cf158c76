import type { ChannelKind } from '../channels/channel.types.ts';
import type { CustomerBrief, CustomerCharacteristic, CustomerType } from '../customers/customer.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { TicketScope } from '../auth/ticket.policy.ts';

export const ticketStatuses = ['open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

/** The five-stage problem-customer workflow: empathy, details, map, solution, review. */
export type WorkflowStage = 1 | 2 | 3 | 4 | 5;

export interface Ticket {
  id: number;
  customerId: number;
  subject: string;
  status: TicketStatus;
  stage: WorkflowStage;
  priority: TicketPriority;
  assigneeId: number | null;
  teamId: number | null;
  /** The channel the ticket was opened on. */
  channel: ChannelKind;
  /** The channel the customer last wrote on; agent replies go there. */
  lastChannel: ChannelKind;
  unreadCount: number;
  lastMessageAt: Instant;
  lastMessagePreview: string;
  /** When the customer last wrote; waiting time and channel windows are measured from here. */
  lastInboundAt: Instant | null;
  firstResponseAt: Instant | null;
  resolvedAt: Instant | null;
  /** The resolved ticket this one follows (the customer wrote again after the reopen window). */
  previousTicketId: number | null;
  /** Set while this ticket is merged into another: its messages are there. */
  mergedIntoTicketId: number | null;
  /** Grows with every change a person makes (status, stage, priority, assignee, team): optimistic concurrency. */
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

/** A ticket with what a list row or header needs to render without another round trip. */
export interface TicketView extends Ticket {
  customer: CustomerBrief;
  assignee: { id: number; name: string } | null;
}

export interface TicketQuery {
  status?: TicketStatus[];
  channel?: ChannelKind[];
  assigneeId?: number | null;
  /** Only tickets of customers of these types / characteristics (docs/customers.md §Profile). */
  customerType?: CustomerType[];
  characteristic?: CustomerCharacteristic[];
  /** Only the tickets this scope sees (auth/ticket.policy.ts), filtered in SQL; none means every ticket. */
  scope?: TicketScope;
  limit: number;
  /** Opaque cursor from a previous page. */
  cursor?: string | null;
}

export interface TicketPage {
  items: TicketView[];
  nextCursor: string | null;
}
