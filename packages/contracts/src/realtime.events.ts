import { z } from 'zod';
import type { DomainEventPayloads, DomainEventType } from '@keluh/core';
import { type deliveryStatusSchema, messageBodySchema } from './common.schemas.ts';
import type { MessageDto, TicketViewDto } from './domain.schemas.ts';
import type { WidgetMessageDto } from './http.schemas.ts';
import type { VisitorPromiseDto } from './promises.schemas.ts';
import type { VisitorReviewAnswer, VisitorReviewDto } from './reviews.schemas.ts';

/*
 * The one typed event map for socket.io, imported by the server, the console and the widget.
 * Two namespaces: `/agent` for staff (the console's session cookie, or an API client's bearer token
 * as `auth.token`) and `/visitor` for widget visitors (visitor token). Every pushed event carries the
 * event-log id; after a reconnect a client calls `sync` with the last id it saw and receives exactly
 * what it missed, in order.
 */

export const AGENT_NAMESPACE = '/agent';
export const VISITOR_NAMESPACE = '/visitor';
export const SOCKET_PATH = '/socket.io';

export type SocketError = { code: string; message: string; details?: Record<string, unknown> };
export type Ack<T> = (result: ({ ok: true } & T) | { ok: false; error: SocketError }) => void;

/** A domain event as the console receives it (same shape as the event log row). */
export type AgentEvent = {
  [T in DomainEventType]: {
    id: number;
    type: T;
    ticketId: number | null;
    createdAt: string;
    payload: DomainEventPayloads[T];
  };
}[DomainEventType];

export type AgentTicketEventPayload = { ticket: TicketViewDto };
export type AgentMessageEventPayload = { message: MessageDto; ticket: TicketViewDto };

export const syncRequestSchema = z.object({ lastEventId: z.number().int().min(0) }).strict();
export type SyncRequest = z.infer<typeof syncRequestSchema>;

const ticketIdField = z.number().int().positive();

/**
 * Collision detection (socket-only, never logged): the console says which ticket it shows and whether
 * the agent is typing there, on opening it and on each typing start/stop (throttled); `ticket.unwatch`
 * on leaving. Typing lapses by itself a few seconds after the last `typing: true`.
 */
export const ticketWatchSchema = z.object({ ticketId: ticketIdField, typing: z.boolean() }).strict();
export type TicketWatch = z.infer<typeof ticketWatchSchema>;
export const ticketUnwatchSchema = z.object({ ticketId: ticketIdField }).strict();
export type TicketUnwatch = z.infer<typeof ticketUnwatchSchema>;

/** One member of staff with the ticket open, in any tab on any API process. */
export interface TicketViewer {
  userId: number;
  name: string;
  /** Typing in one of their tabs on this ticket. */
  typing: boolean;
  /** Since when they have had it open (their earliest tab). */
  since: string;
}
export interface TicketWatchers {
  ticketId: number;
  /** Everyone viewing, the receiver included (the console leaves itself out), earliest first. */
  viewers: TicketViewer[];
}
export const presenceActivitySchema = z.object({}).strict();
export type PresenceActivity = z.infer<typeof presenceActivitySchema>;
/** How often at most the console reports activity; the server ignores reports closer together per socket. */
export const PRESENCE_ACTIVITY_THROTTLE_MS = 30_000;

export interface AgentServerToClient {
  /**
   * Committed events, in log order and without gaps between what one socket receives, batched per
   * delivery: everything committed in the same moment arrives in one frame.
   */
  events: (events: AgentEvent[]) => void;
  /** Sent just before the server cuts a socket whose session ended (sign-out, expiry); not retried. */
  'session.ended': (reason: SocketError) => void;
  /** Who views the ticket now, to its viewers, on every change; `ticket.watch`'s answer carries the first. */
  'ticket.watchers': (watchers: TicketWatchers) => void;
}

export interface AgentClientToServer {
  sync: (request: SyncRequest, ack: Ack<{ events: AgentEvent[]; latestId: number }>) => void;
  /** `ticket.not_found` for a ticket the user may not see; `ticket.watch_limit` past a few at once per socket. */
  'ticket.watch': (request: TicketWatch, ack: Ack<TicketWatchers>) => void;
  'ticket.unwatch': (request: TicketUnwatch, ack: Ack<Record<never, never>>) => void;
  /**
   * The person at the console is active (typed, clicked, focused the tab): sent at most every 30 s, so
   * an agent idle past `presence.idle_away_minutes` turns away, and back online with their next move.
   */
  'presence.activity': (request: PresenceActivity, ack: Ack<Record<never, never>>) => void;
}

/** What a visitor may see: their own conversation only, without internal ticket fields. */
export type VisitorEvent =
  | { id: number; type: 'message.created'; message: WidgetMessageDto }
  | { id: number; type: 'message.status'; messageId: number; status: z.infer<typeof deliveryStatusSchema> }
  /** The promise made to the visitor, as a card: what, by when, kept or not. */
  | { id: number; type: 'promise.updated'; promise: VisitorPromiseDto }
  /** A rating request to answer with stars (and, once rated, what was answered). */
  | { id: number; type: 'review.updated'; review: VisitorReviewDto };

export const visitorSendSchema = z
  .object({
    /** Generated by the widget; resending the same id is harmless. */
    clientMessageId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
    body: messageBodySchema,
  })
  .strict();
export type VisitorSend = z.infer<typeof visitorSendSchema>;

export const visitorReceiptSchema = z
  .object({
    messageIds: z.array(z.number().int().positive()).min(1).max(200),
    status: z.enum(['delivered', 'read']),
  })
  .strict();
export type VisitorReceipt = z.infer<typeof visitorReceiptSchema>;

export interface VisitorServerToClient {
  /** The visitor's own events, in log order, batched like the console's. */
  events: (events: VisitorEvent[]) => void;
}

export interface VisitorClientToServer {
  'message.send': (request: VisitorSend, ack: Ack<{ message: WidgetMessageDto; duplicate: boolean }>) => void;
  'message.receipt': (request: VisitorReceipt, ack: Ack<Record<never, never>>) => void;
  sync: (request: SyncRequest, ack: Ack<{ events: VisitorEvent[]; latestId: number }>) => void;
  /** Stars, optional comment and consent for the visitor's open review; `review.invalid_score`, `review.not_requested`. */
  'review.answer': (request: VisitorReviewAnswer, ack: Ack<{ review: VisitorReviewDto }>) => void;
}
