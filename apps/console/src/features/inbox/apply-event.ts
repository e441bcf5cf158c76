import type { AgentEvent, TicketViewDto } from '@keluh/contracts';
import { compareTickets, matchesFilter, type ListFilter } from './list-filter.ts';

export interface ListState {
  items: TicketViewDto[];
  /** The event-log position the items reflect; events at or below it are already included. */
  lastEventId: number;
  /** More pages exist on the server beyond the last loaded row. */
  hasMore: boolean;
}

export interface ListContext {
  filter: ListFilter;
  userId: number | null;
}

/**
 * The ticket snapshot an event carries, if any (a stage change moves the row's stage badge like any other
 * change); other events (delivery status, edits) change no list field.
 */
export function ticketOf(event: AgentEvent): TicketViewDto | null {
  switch (event.type) {
    case 'ticket.created':
    case 'ticket.updated':
    case 'message.created':
    case 'workflow.updated':
      return event.payload.ticket;
    default:
      return null;
  }
}

/**
 * Applies one event to the list; returns the same state object when the event changes nothing, so
 * callers can skip a render. Events arrive in id order; anything at or below `lastEventId` is a replay.
 */
export function applyEventToList(state: ListState, event: AgentEvent, context: ListContext): ListState {
  if (event.id <= state.lastEventId) return state;
  const ticket = ticketOf(event);
  const items = ticket ? placeTicket(state.items, ticket, context, state.hasMore) : state.items;
  return { ...state, items, lastEventId: event.id };
}

/**
 * A ticket snapshot from an HTTP answer (PATCH, read). It may be older than an event applied meanwhile,
 * so it only replaces a row that is not newer.
 */
export function applyTicketSnapshot(state: ListState, ticket: TicketViewDto, context: ListContext): ListState {
  const current = state.items.find((item) => item.id === ticket.id);
  if (current && Date.parse(current.updatedAt) > Date.parse(ticket.updatedAt)) return state;
  return { ...state, items: placeTicket(state.items, ticket, context, state.hasMore) };
}

/** Appends a fetched page, skipping rows a live event already placed. */
export function appendPage(state: ListState, page: TicketViewDto[], hasMore: boolean): ListState {
  const known = new Set(state.items.map((item) => item.id));
  const items = [...state.items, ...page.filter((item) => !known.has(item.id))].sort(compareTickets);
  return { ...state, items, hasMore };
}

function placeTicket(
  items: TicketViewDto[],
  ticket: TicketViewDto,
  context: ListContext,
  hasMore: boolean,
): TicketViewDto[] {
  const wasListed = items.some((item) => item.id === ticket.id);
  const others = wasListed ? items.filter((item) => item.id !== ticket.id) : items;
  if (!matchesFilter(ticket, context.filter, context.userId)) return wasListed ? others : items;

  const index = others.findIndex((item) => compareTickets(ticket, item) < 0);
  // Past the last loaded row of a paged list it belongs to a page not fetched yet; that page will bring it.
  if (index === -1 && hasMore && !wasListed) return items;
  const at = index === -1 ? others.length : index;
  return [...others.slice(0, at), ticket, ...others.slice(at)];
}
