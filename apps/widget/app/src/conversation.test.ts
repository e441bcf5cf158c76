import { describe, expect, it } from 'vitest';
import type { VisitorEvent, WidgetMessageDto } from '@keluh/contracts';
import {
  displayStatus,
  initialConversation,
  mergeStatus,
  reduceConversation,
  type ConversationAction,
  type ConversationState,
} from './conversation.ts';

const dto = (id: number, over: Partial<WidgetMessageDto> = {}): WidgetMessageDto => ({
  id,
  ticketId: 1,
  direction: 'in',
  authorKind: 'customer',
  authorName: null,
  body: `message ${id}`,
  attachments: [],
  status: 'received',
  sentAt: `2025-03-01T10:00:${String(id % 60).padStart(2, '0')}.000Z`,
  createdAt: '2025-03-01T10:00:00.000Z',
  ...over,
});
const created = (id: number, message: WidgetMessageDto): VisitorEvent => ({ id, type: 'message.created', message });
const run = (...actions: ConversationAction[]): ConversationState =>
  actions.reduce(reduceConversation, initialConversation());
const started = (clientMessageId: string, body: string): ConversationAction => ({
  type: 'send.started',
  clientMessageId,
  body,
  at: '2025-03-01T10:05:00.000Z',
});

describe('the visitor conversation', () => {
  it('shows the history it was hydrated with, in server order', () => {
    const state = run({ type: 'hydrated', messages: [dto(2), dto(1)], lastEventId: 40 });
    expect(state.messages.map((m) => m.id)).toEqual([1, 2]);
    expect(state.lastEventId).toBe(40);
  });

  it('ignores events at or below the last applied id', () => {
    const state = run(
      { type: 'hydrated', messages: [], lastEventId: 10 },
      { type: 'events', events: [created(9, dto(1)), created(10, dto(2)), created(11, dto(3))] },
      { type: 'events', events: [created(11, dto(3, { body: 'changed' }))] },
    );
    expect(state.messages.map((m) => m.id)).toEqual([3]);
    expect(state.messages[0]?.body).toBe('message 3');
    expect(state.lastEventId).toBe(11);
  });

  it('shows a sent message once when the ack comes before the event', () => {
    const confirmed = dto(5, { body: 'Paket saya belum sampai' });
    const state = run(
      started('abcdefgh1', 'Paket saya belum sampai'),
      { type: 'send.acked', clientMessageId: 'abcdefgh1', message: confirmed },
      { type: 'events', events: [created(1, confirmed)] },
    );
    expect(state.messages).toHaveLength(1);
    expect(state.messages[0]).toMatchObject({ id: 5, clientMessageId: 'abcdefgh1', status: 'received' });
    expect(displayStatus(state.messages[0]!)).toBe('sent');
  });

  it('shows a sent message once when the event comes before the ack, keeping its bubble key', () => {
    const confirmed = dto(5, { body: 'Paket saya belum sampai' });
    const optimistic = run(started('abcdefgh1', 'Paket saya belum sampai'));
    const key = optimistic.messages[0]!.key;
    const afterEvent = reduceConversation(optimistic, { type: 'events', events: [created(1, confirmed)] });
    expect(afterEvent.messages).toHaveLength(1);
    const state = reduceConversation(afterEvent, { type: 'send.acked', clientMessageId: 'abcdefgh1', message: confirmed });
    expect(state.messages).toHaveLength(1);
    expect(state.messages[0]).toMatchObject({ id: 5, key });
  });

  it('puts right a wrong guess between two identical messages when the acks arrive', () => {
    const first = dto(5, { body: 'ok' });
    const second = dto(6, { body: 'ok' });
    const state = run(
      started('client-aaa', 'ok'),
      started('client-bbb', 'ok'),
      // The server stored the second one first; its event is claimed by the oldest pending bubble.
      { type: 'events', events: [created(1, second)] },
      { type: 'send.acked', clientMessageId: 'client-aaa', message: first },
      { type: 'send.acked', clientMessageId: 'client-bbb', message: second },
      { type: 'events', events: [created(2, first)] },
    );
    expect(state.messages.map((m) => [m.id, m.clientMessageId])).toEqual([
      [5, 'client-aaa'],
      [6, 'client-bbb'],
    ]);
  });

  it('never lets a late status undo a newer one', () => {
    const agent = dto(7, { direction: 'out', authorKind: 'agent', status: 'sent' });
    const state = run(
      { type: 'hydrated', messages: [agent], lastEventId: 0 },
      {
        type: 'events',
        events: [
          { id: 1, type: 'message.status', messageId: 7, status: 'read' },
          { id: 2, type: 'message.status', messageId: 7, status: 'delivered' },
        ],
      },
    );
    expect(state.messages[0]?.status).toBe('read');
    expect(mergeStatus('sending', 'received')).toBe('received');
    expect(mergeStatus('delivered', 'failed')).toBe('delivered');
    expect(mergeStatus('sent', 'failed')).toBe('failed');
  });

  it('marks a refused send as an error and back to sending on retry, under the same client id', () => {
    const error = { code: 'message.body_too_long', message: 'too long' };
    const failed = run(started('abcdefgh1', 'hi'), { type: 'send.failed', clientMessageId: 'abcdefgh1', error });
    expect(failed.messages[0]).toMatchObject({ status: 'error', error });
    const retried = reduceConversation(failed, { type: 'send.retried', clientMessageId: 'abcdefgh1' });
    expect(retried.messages[0]).toMatchObject({ status: 'sending', error: null, clientMessageId: 'abcdefgh1' });
  });

  it('keeps unacknowledged bubbles at the end through a new history snapshot', () => {
    const state = run(
      started('abcdefgh1', 'still sending'),
      { type: 'hydrated', messages: [dto(1), dto(2)], lastEventId: 3 },
    );
    expect(state.messages.map((m) => m.id ?? m.clientMessageId)).toEqual([1, 2, 'abcdefgh1']);
  });
});
