import { nextDeliveryStatus } from '@keluh/core';
import type { VisitorEvent, VisitorPromiseDto, VisitorReviewDto, WidgetMessageDto } from '@keluh/contracts';
import { applyCardEvent, cardsFromSnapshot, noCards, withReview, type Cards } from './cards.ts';

/*
 * The visitor's conversation as a pure reducer. Three sources feed it — the history snapshot, pushed or
 * replayed events, and acks of our own sends — and they overlap: the same message can arrive as an ack
 * and as a `message.created` event, in either order. Everything here is keyed by server id so an
 * overlap never shows twice, and events at or below the last applied id are ignored.
 */

export type ServerStatus = WidgetMessageDto['status'];
/**
 * `sending`: optimistic, not yet acked; `waiting`: refused as too fast (rate_limited), kept and sent again
 * by itself when the wait is over; `error`: the server refused it and the visitor may retry.
 */
export type LocalStatus = 'sending' | 'waiting' | 'error';

export interface ChatMessage {
  /** Stable across the optimistic → confirmed swap, so the list does not re-render the bubble. */
  key: string;
  id: number | null;
  clientMessageId: string | null;
  direction: 'in' | 'out';
  authorKind: WidgetMessageDto['authorKind'];
  authorName: string | null;
  body: string;
  attachments: WidgetMessageDto['attachments'];
  status: ServerStatus | LocalStatus;
  sentAt: string;
  error: { code: string; message: string } | null;
  /** A rating or consent question, rendered as a card under the bubble. */
  choices?: NonNullable<WidgetMessageDto['choices']> | null;
}

export interface ConversationState {
  messages: readonly ChatMessage[];
  lastEventId: number;
  cards: Cards;
}

export type ConversationAction =
  | { type: 'hydrated'; messages: WidgetMessageDto[]; lastEventId: number; promises?: VisitorPromiseDto[]; reviews?: VisitorReviewDto[] }
  /** The ack of our own `review.answer`: shown at once, before (or without) its `review.updated` event. */
  | { type: 'review.answered'; review: VisitorReviewDto }
  | { type: 'events'; events: VisitorEvent[] }
  | { type: 'send.started'; clientMessageId: string; body: string; at: string }
  | { type: 'send.acked'; clientMessageId: string; message: WidgetMessageDto }
  | { type: 'send.failed'; clientMessageId: string; error: { code: string; message: string } }
  | { type: 'send.throttled'; clientMessageId: string }
  | { type: 'send.retried'; clientMessageId: string };

export const initialConversation = (): ConversationState => ({ messages: [], lastEventId: 0, cards: noCards() });

/** Statuses only move forward (core's rule: a late `delivered` must not undo `read`); local states yield to the server. */
export function mergeStatus(current: ChatMessage['status'], incoming: ServerStatus): ChatMessage['status'] {
  if (current === 'sending' || current === 'waiting' || current === 'error') return incoming;
  return nextDeliveryStatus(current, incoming) ?? current;
}

function fromServer(message: WidgetMessageDto, base?: ChatMessage): ChatMessage {
  return {
    key: base?.key ?? `m${message.id}`,
    id: message.id,
    clientMessageId: base?.clientMessageId ?? null,
    direction: message.direction,
    authorKind: message.authorKind,
    authorName: message.authorName,
    body: message.body,
    attachments: message.attachments,
    status: base ? mergeStatus(base.status, message.status) : message.status,
    sentAt: message.sentAt,
    error: null,
    choices: message.choices ?? null,
  };
}

/** Confirmed messages in server order; optimistic ones stay at the end in the order they were typed. */
function ordered(messages: ChatMessage[]): ChatMessage[] {
  const confirmed = messages.filter((m) => m.id !== null);
  const pending = messages.filter((m) => m.id === null);
  confirmed.sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt) || (a.id ?? 0) - (b.id ?? 0));
  return [...confirmed, ...pending];
}

function upsert(messages: readonly ChatMessage[], message: WidgetMessageDto): ChatMessage[] {
  const list = [...messages];
  const existing = list.findIndex((m) => m.id === message.id);
  if (existing >= 0) {
    list[existing] = fromServer(message, list[existing]);
    return ordered(list);
  }
  // Our own message's event can beat its ack. WidgetMessageDto carries no clientMessageId, so the oldest
  // pending bubble with the same text claims it; if the guess was wrong the ack puts it right.
  const claim = message.direction === 'in' ? list.findIndex((m) => m.id === null && m.body === message.body) : -1;
  if (claim >= 0) list[claim] = fromServer(message, list[claim]);
  else list.push(fromServer(message));
  return ordered(list);
}

function applyEvent(messages: readonly ChatMessage[], event: VisitorEvent): readonly ChatMessage[] {
  if (event.type === 'message.created') return upsert(messages, event.message);
  // Promise cards and rating requests are not messages; the widget's own stores follow them.
  if (event.type !== 'message.status') return messages;
  const index = messages.findIndex((m) => m.id === event.messageId);
  const target = messages[index];
  if (!target) return messages;
  const status = mergeStatus(target.status, event.status);
  if (status === target.status) return messages;
  const list = [...messages];
  list[index] = { ...target, status };
  return list;
}

function acked(messages: readonly ChatMessage[], clientMessageId: string, message: WidgetMessageDto): ChatMessage[] {
  const list = [...messages];
  const mine = list.findIndex((m) => m.clientMessageId === clientMessageId);
  if (mine < 0) return upsert(list, message);
  const other = list.findIndex((m, i) => i !== mine && m.id === message.id);
  const previous = list[mine]!;
  let base = previous;
  if (other >= 0) {
    const copy = list[other]!;
    // Keep whatever status progress the event copy already saw.
    base = { ...previous, status: copy.status };
    if (copy.clientMessageId !== null) {
      // A wrong body-claim: that bubble is still waiting for its own ack.
      list[other] = { ...copy, id: null, status: 'sending', sentAt: previous.sentAt };
    } else {
      list.splice(other, 1);
    }
  }
  const index = list.indexOf(previous);
  list[index] = fromServer(message, base);
  return ordered(list);
}

function patchPending(
  messages: readonly ChatMessage[],
  clientMessageId: string,
  patch: Pick<ChatMessage, 'status' | 'error'>,
): readonly ChatMessage[] {
  const index = messages.findIndex((m) => m.clientMessageId === clientMessageId && m.id === null);
  if (index < 0) return messages;
  const list = [...messages];
  list[index] = { ...list[index]!, ...patch };
  return list;
}

export function reduceConversation(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case 'hydrated': {
      // A fresh snapshot replaces what the server knows; bubbles still waiting for an ack survive it.
      const previous = new Map(state.messages.filter((m) => m.id !== null).map((m) => [m.id, m]));
      const confirmed = action.messages.map((m) => fromServer(m, previous.get(m.id)));
      const pending = state.messages.filter((m) => m.id === null);
      return { messages: ordered([...confirmed, ...pending]), lastEventId: action.lastEventId, cards: cardsFromSnapshot(action.promises, action.reviews) };
    }
    case 'events': {
      let { messages, lastEventId, cards } = state;
      for (const event of action.events) {
        if (event.id <= lastEventId) continue;
        messages = applyEvent(messages, event);
        cards = applyCardEvent(cards, event);
        lastEventId = event.id;
      }
      return messages === state.messages && lastEventId === state.lastEventId && cards === state.cards ? state : { messages, lastEventId, cards };
    }
    case 'review.answered':
      return { ...state, cards: withReview(state.cards, action.review) };
    case 'send.started': {
      if (state.messages.some((m) => m.clientMessageId === action.clientMessageId)) return state;
      const message: ChatMessage = {
        key: `c${action.clientMessageId}`,
        id: null,
        clientMessageId: action.clientMessageId,
        direction: 'in',
        authorKind: 'customer',
        authorName: null,
        body: action.body,
        attachments: [],
        status: 'sending',
        sentAt: action.at,
        error: null,
        choices: null,
      };
      return { ...state, messages: [...state.messages, message] };
    }
    case 'send.acked':
      return { ...state, messages: acked(state.messages, action.clientMessageId, action.message) };
    case 'send.failed':
      return { ...state, messages: patchPending(state.messages, action.clientMessageId, { status: 'error', error: action.error }) };
    case 'send.throttled':
      return { ...state, messages: patchPending(state.messages, action.clientMessageId, { status: 'waiting', error: null }) };
    case 'send.retried':
      return { ...state, messages: patchPending(state.messages, action.clientMessageId, { status: 'sending', error: null }) };
  }
}

export type DisplayStatus = 'sending' | 'waiting' | 'error' | 'sent' | 'delivered' | 'read' | 'failed' | 'received' | 'queued';

/** The visitor's own messages read as sending → sent → delivered → read; agent messages keep the server's word. */
export function displayStatus(message: ChatMessage): DisplayStatus {
  if (message.direction === 'out') return message.status;
  return message.status === 'received' || message.status === 'queued' ? 'sent' : message.status;
}
