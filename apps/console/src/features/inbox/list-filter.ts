import type { ChannelKind, CustomerCharacteristic, CustomerType, TicketStatus } from '@keluh/core';
import type { TicketViewDto } from '@keluh/contracts';
import type { TicketListQuery } from '../../api/endpoints.ts';

export const inboxViews = ['mine', 'unassigned', 'all'] as const;
export type InboxView = (typeof inboxViews)[number];

export const statusTabs = ['open', 'pending', 'resolved', 'all'] as const;
export type StatusTab = (typeof statusTabs)[number];

/** Channels an agent can filter on; `api` tickets are rare and stay under "all channels". */
export const filterChannels = ['whatsapp', 'instagram', 'webchat'] as const satisfies readonly ChannelKind[];

export interface ListFilter {
  view: InboxView;
  tab: StatusTab;
  channel: ChannelKind | null;
  /** The customer's type and characteristic (docs/customers.md §Profile); absent in older saved filters. */
  customerType?: CustomerType | null;
  characteristic?: CustomerCharacteristic | null;
}

export const defaultFilter: ListFilter = { view: 'all', tab: 'open', channel: null, customerType: null, characteristic: null };

/** "Resolved" also lists closed tickets: both are finished from the agent's point of view. */
const tabStatuses: Record<StatusTab, readonly TicketStatus[] | null> = {
  open: ['open'],
  pending: ['pending'],
  resolved: ['resolved', 'closed'],
  all: null,
};

export function isInboxView(value: unknown): value is InboxView {
  return typeof value === 'string' && (inboxViews as readonly string[]).includes(value);
}

export function isStatusTab(value: unknown): value is StatusTab {
  return typeof value === 'string' && (statusTabs as readonly string[]).includes(value);
}

export function toQuery(filter: ListFilter, userId: number | null): TicketListQuery {
  const statuses = tabStatuses[filter.tab];
  const query: TicketListQuery = {};
  if (statuses) query.status = statuses.join(',');
  if (filter.channel) query.channel = filter.channel;
  if (filter.customerType) query.customerType = filter.customerType;
  if (filter.characteristic) query.characteristic = filter.characteristic;
  if (filter.view === 'unassigned') query.assigneeId = 'none';
  if (filter.view === 'mine' && userId !== null) query.assigneeId = String(userId);
  return query;
}

/** The same test the server applies, so live events can add or drop rows without a refetch. */
export function matchesFilter(ticket: TicketViewDto, filter: ListFilter, userId: number | null): boolean {
  const statuses = tabStatuses[filter.tab];
  if (statuses && !statuses.includes(ticket.status)) return false;
  if (filter.channel && ticket.channel !== filter.channel) return false;
  if (filter.customerType && ticket.customer.type !== filter.customerType) return false;
  if (filter.characteristic && ticket.customer.characteristic !== filter.characteristic) return false;
  if (filter.view === 'unassigned' && ticket.assigneeId !== null) return false;
  if (filter.view === 'mine' && (userId === null || ticket.assigneeId !== userId)) return false;
  return true;
}

/** Newest activity first; the id breaks ties so the order never flickers between equal timestamps. */
export function compareTickets(a: TicketViewDto, b: TicketViewDto): number {
  const byActivity = Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt);
  return byActivity !== 0 ? byActivity : b.id - a.id;
}
