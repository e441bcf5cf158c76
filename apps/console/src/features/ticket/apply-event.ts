import { isWindowRefusal, nextDeliveryStatus, windowAfterInbound, windowAfterRefusal } from '@keluh/core';
import type {
  AgentEvent,
  CustomerDto,
  IdentityDto,
  MessageDto,
  NoteDto,
  SlaClockDto,
  StageTransitionDto,
  TicketActivityDto,
  TicketViewDto,
  WindowStateDto,
} from '@keluh/contracts';

export interface DetailState {
  ticket: TicketViewDto;
  customer: CustomerDto;
  identities: IdentityDto[];
  messages: MessageDto[];
  /** Whether the reply channel takes free text, as the server saw it; kept current by customer messages. */
  window: WindowStateDto;
  /** The event-log position this detail reflects; events at or below it are already included. */
  lastEventId: number;
  /** Staff-only notes, stage changes and what the system did: shown on the timeline between messages. */
  notes: NoteDto[];
  transitions: StageTransitionDto[];
  activities: TicketActivityDto[];
  /** The SLA clocks as the server last computed them; `sla.updated` replaces the whole set. */
  sla: SlaClockDto[];
}

/** Applies one event to the open ticket; returns the same object when nothing changes. */
export function applyEventToDetail(state: DetailState, event: AgentEvent): DetailState {
  if (event.id <= state.lastEventId) return state;
  const advanced = { ...state, lastEventId: event.id };
  if (event.ticketId !== state.ticket.id) return advanced;

  switch (event.type) {
    case 'ticket.created':
    case 'ticket.updated':
      return withTicket(advanced, event.payload.ticket);
    case 'message.created': {
      const { message, ticket } = event.payload;
      // The customer wrote: the channel's window opens again from their message.
      const window =
        message.direction === 'in' && message.channel === ticket.lastChannel
          ? windowAfterInbound(state.window, ticket.lastChannel, message.sentAt)
          : state.window;
      return { ...withTicket(advanced, ticket), window, messages: upsertMessage(state.messages, message) };
    }
    case 'workflow.updated':
      return { ...withTicket(advanced, event.payload.ticket), transitions: event.payload.workflow.transitions as StageTransitionDto[] };
    case 'note.created':
      return { ...advanced, notes: upsertById(state.notes, event.payload.note as NoteDto) };
    case 'sla.updated':
      return { ...advanced, sla: event.payload.clocks as SlaClockDto[] };
    case 'ticket.activity':
      return { ...advanced, activities: upsertById(state.activities, event.payload.activity as TicketActivityDto) };
    case 'message.updated':
      return { ...advanced, messages: upsertMessage(state.messages, event.payload.message) };
    case 'message.status': {
      const { messageId, status, error } = event.payload;
      const messages = updateStatus(state.messages, messageId, status, error);
      const refused = status === 'failed' && isWindowRefusal(error?.code) ? messages.find((m) => m.id === messageId) : undefined;
      const window = refused ? windowAfterRefusal(state.window, refused, event.createdAt) : state.window;
      return { ...advanced, messages, window };
    }
    default:
      // Events the open ticket does not show (e.g. channel health) still move its position on.
      return advanced;
  }
}

/** A ticket snapshot from an HTTP answer; skipped when an event already brought a newer one. */
export function applyTicketSnapshotToDetail(state: DetailState, ticket: TicketViewDto): DetailState {
  if (ticket.id !== state.ticket.id) return state;
  if (Date.parse(state.ticket.updatedAt) > Date.parse(ticket.updatedAt)) return state;
  return withTicket(state, ticket);
}

/**
 * Inserts or merges a message by id, keeping timeline order. The POST answer and the `message.created`
 * event race each other, and a status event can beat both, so a merge never moves status backwards.
 */
export function upsertMessage(messages: MessageDto[], incoming: MessageDto): MessageDto[] {
  const index = messages.findIndex((m) => m.id === incoming.id);
  if (index === -1) return [...messages, incoming].sort(compareMessages);
  const current = messages[index]!;
  const status = nextDeliveryStatus(current.status, incoming.status) ?? current.status;
  const merged = { ...current, ...incoming, status, error: status === incoming.status ? incoming.error : current.error };
  const next = [...messages];
  next[index] = merged;
  return next.sort(compareMessages);
}

/** Timeline order follows the channel's own timestamp; the id keeps equal timestamps stable. */
export function compareMessages(a: MessageDto, b: MessageDto): number {
  const byTime = Date.parse(a.sentAt) - Date.parse(b.sentAt);
  return byTime !== 0 ? byTime : a.id - b.id;
}

export function upsertById<T extends { id: number }>(items: T[], incoming: T): T[] {
  return [...items.filter((item) => item.id !== incoming.id), incoming];
}

function updateStatus(
  messages: MessageDto[],
  messageId: number,
  incoming: MessageDto['status'],
  error: MessageDto['error'],
): MessageDto[] {
  const index = messages.findIndex((m) => m.id === messageId);
  if (index === -1) return messages;
  const current = messages[index]!;
  // Channels report out of order (a `read` can overtake `delivered`): status only moves forward.
  const status = nextDeliveryStatus(current.status, incoming);
  if (!status) return messages;
  const next = [...messages];
  next[index] = { ...current, status, error: status === 'failed' ? error : null };
  return next;
}

function withTicket(state: DetailState, ticket: TicketViewDto): DetailState {
  const { name, type, characteristic, language } = ticket.customer;
  return { ...state, ticket, customer: { ...state.customer, name, type, characteristic, language } };
}
