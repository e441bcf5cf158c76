import type { ChannelKind } from '../channels/channel.types.ts';
import type { ChannelStatus } from '../channels/channel-config.types.ts';
import type { Message, DeliveryStatus } from '../messages/message.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { TicketView } from '../tickets/ticket.types.ts';

/**
 * Every change a client can see is one of these, appended to the event log inside the transaction that
 * made the change. The log id is monotonic, so a reconnecting client asks for "everything after N".
 */
export interface DomainEventPayloads {
  'ticket.created': { ticket: TicketView };
  'ticket.updated': { ticket: TicketView; changes: string[] };
  'message.created': { message: Message; ticket: TicketView };
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

export type StoredEvent = NewDomainEvent & { id: number; createdAt: Instant };

/** Listeners (realtime, outbox dispatch, later SLA clocks and automations) hear events after commit. */
export interface EventPublisher {
  publish(events: readonly StoredEvent[]): void;
}
