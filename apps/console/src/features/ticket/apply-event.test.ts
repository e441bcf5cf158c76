import { describe, expect, it } from 'vitest';
import type { AgentEvent, CustomerDto } from '@keluh/contracts';
import { events, message, ticket } from '../../test/fixtures.ts';
import { applyEventToDetail, applyTicketSnapshotToDetail, upsertMessage, type DetailState } from './apply-event.ts';

const customer: CustomerDto = {
  id: 1,
  name: 'Customer 1',
  type: 'external',
  characteristic: 'new',
  characteristicSource: 'suggested',
  characteristicReason: null,
  language: 'id',
  email: null,
  phone: null,
  mergedIntoId: null,
  createdAt: '2025-01-06T09:00:00.000Z',
  updatedAt: '2025-01-06T09:00:00.000Z',
};

function detail(messages = [message(1, 1)]): DetailState {
  return { ticket: ticket(1), customer, identities: [], messages, window: { channel: 'whatsapp', state: 'open', closesAt: '2025-01-07T09:01:00.000Z' }, lastEventId: 50, notes: [], transitions: [], activities: [], sla: [] };
}

const reply = (status: 'queued' | 'sent' | 'delivered' | 'read' | 'failed' = 'queued') =>
  message(2, 1, { direction: 'out', authorKind: 'agent', status, externalId: null });

describe('applying live events to the open ticket', () => {
  it('replaces the SLA clocks with the set an sla.updated event carries', () => {
    const clocks = [{ ticketId: 1, metric: 'first_response' as const, policyId: 1, targetSeconds: 60, businessHours: false, state: 'breached' as const, startedAt: '2025-01-07T09:00:00.000Z', dueAt: '2025-01-07T09:01:00.000Z', warnAt: '2025-01-07T09:00:48.000Z', remainingSeconds: null, stoppedAt: null, warnedAt: '2025-01-07T09:00:48.000Z', breachedAt: '2025-01-07T09:01:00.000Z', updatedAt: '2025-01-07T09:01:00.000Z' }];
    const event = { id: 51, type: 'sla.updated' as const, ticketId: 1, createdAt: '2025-01-07T09:01:00.000Z', payload: { ticketId: 1, clocks, change: 'breached' as const } };
    expect(applyEventToDetail(detail(), event).sla).toEqual(clocks);
    expect(applyEventToDetail(detail(), { ...event, ticketId: 2, payload: { ...event.payload, ticketId: 2 } }).sla).toEqual([]);
  });

  it('adds a new message to the end of the timeline and takes the ticket snapshot', () => {
    const bumped = ticket(1, { minute: 20, unreadCount: 1 });
    const next = applyEventToDetail(detail(), events.messageCreated(51, message(3, 1, { minute: 20 }), bumped));
    expect(next.messages.map((m) => m.id)).toEqual([1, 3]);
    expect(next.ticket.unreadCount).toBe(1);
    expect(next.lastEventId).toBe(51);
  });

  it('orders the timeline by the channel timestamp, not by arrival', () => {
    const late = message(4, 1, { minute: 0 });
    const next = applyEventToDetail(detail(), events.messageCreated(51, late, ticket(1)));
    expect(next.messages.map((m) => m.id)).toEqual([4, 1]);
  });

  it('ignores events for other tickets except to advance its position', () => {
    const state = detail();
    const next = applyEventToDetail(state, events.messageCreated(51, message(9, 2), ticket(2)));
    expect(next.messages).toBe(state.messages);
    expect(next.lastEventId).toBe(51);
  });

  it('ignores a duplicate event id', () => {
    const state = detail([message(1, 1), reply('sent')]);
    expect(applyEventToDetail(state, events.messageStatus(50, reply(), 'read'))).toBe(state);
  });

  it('moves delivery status forward only, even when the channel reports out of order', () => {
    let state = detail([message(1, 1), reply('queued')]);
    state = applyEventToDetail(state, events.messageStatus(51, reply(), 'read'));
    state = applyEventToDetail(state, events.messageStatus(52, reply(), 'delivered'));
    state = applyEventToDetail(state, events.messageStatus(53, reply(), 'sent'));
    expect(state.messages[1]?.status).toBe('read');
    expect(state.lastEventId).toBe(53);
  });

  it('shows a failure with its reason', () => {
    const failure = { code: 'channel.window_closed', reason: 'Re-engagement message' };
    const state = applyEventToDetail(detail([reply('sent')]), events.messageStatus(51, reply(), 'failed', failure));
    expect(state.messages[0]).toMatchObject({ status: 'failed', error: failure });
  });
});

describe('merging the reply answer with live events', () => {
  it('keeps the later status when the POST answer arrives after a status event', () => {
    const messages = upsertMessage([reply('delivered')], reply('queued'));
    expect(messages).toHaveLength(1);
    expect(messages[0]?.status).toBe('delivered');
  });

  it('does not let an older ticket snapshot overwrite a newer one', () => {
    const state = { ...detail(), ticket: ticket(1, { minute: 30, status: 'pending' }) };
    expect(applyTicketSnapshotToDetail(state, ticket(1, { minute: 10 }))).toBe(state);
  });
});

describe('edits and other late changes', () => {
  it('replaces the content of an edited message in place', () => {
    const edited = message(1, 1, { body: 'Edited text', editCount: 1, editedAt: '2025-01-06T09:30:00.000Z' });
    const event: AgentEvent = { id: 51, type: 'message.updated', ticketId: 1, createdAt: edited.updatedAt, payload: { message: edited, changes: ['body'] } };
    const next = applyEventToDetail(detail(), event);
    expect(next.messages).toHaveLength(1);
    expect(next.messages[0]).toMatchObject({ body: 'Edited text', editCount: 1 });
  });

  it('moves past events it does not display', () => {
    const event: AgentEvent = {
      id: 51,
      type: 'channel.updated',
      ticketId: null,
      createdAt: '2025-01-06T09:30:00.000Z',
      payload: { kind: 'whatsapp', status: 'reconnect_needed', reason: 'token expired' },
    };
    const state = detail();
    const next = applyEventToDetail(state, event);
    expect(next.messages).toBe(state.messages);
    expect(next.lastEventId).toBe(51);
  });
});

describe('the reply window of the open ticket', () => {
  const closed = (): DetailState => ({ ...detail(), window: { channel: 'whatsapp', state: 'closed', closedAt: '2025-01-07T09:01:00.000Z' } });

  it('opens again for 24 hours from the customer’s new message', () => {
    const incoming = message(3, 1, { minute: 30 });
    const next = applyEventToDetail(closed(), events.messageCreated(51, incoming, ticket(1, { minute: 30 })));
    expect(next.window).toEqual({ channel: 'whatsapp', state: 'open', closesAt: '2025-01-07T09:30:00.000Z' });
  });

  it('does not move when the agent’s own reply arrives', () => {
    const state = closed();
    const next = applyEventToDetail(state, events.messageCreated(51, reply('queued'), ticket(1)));
    expect(next.window).toBe(state.window);
  });

  it('closes when WhatsApp refuses a reply sent inside our countdown (its clock wins)', () => {
    const sent = message(2, 1, { minute: 40, direction: 'out', authorKind: 'agent', status: 'sent' });
    const state = { ...detail([message(1, 1), sent]), window: { channel: 'whatsapp' as const, state: 'open' as const, closesAt: '2025-01-07T09:01:00.000Z' } };
    // The adapter reports WhatsApp's 131047 (re-engagement) as our window code, by webhook as on send.
    const next = applyEventToDetail(state, events.messageStatus(51, sent, 'failed', { code: 'channel.window_closed', reason: 'Re-engagement message' }));
    expect(next.window).toMatchObject({ state: 'closed' });
  });

  it('ignores other failures', () => {
    const sent = message(2, 1, { minute: 40, direction: 'out', authorKind: 'agent', status: 'sent' });
    const state = detail([message(1, 1), sent]);
    const next = applyEventToDetail(state, events.messageStatus(51, sent, 'failed', { code: '131026', reason: 'Undeliverable' }));
    expect(next.window).toBe(state.window);
  });

  it('shows that a customer unsent or reacted to a message in place', () => {
    const unsent = message(1, 1, { deletedAt: '2025-01-06T09:30:00.000Z', reactions: [{ emoji: '👍', by: 'customer', at: '2025-01-06T09:29:00.000Z' }] });
    const event: AgentEvent = { id: 51, type: 'message.updated', ticketId: 1, createdAt: unsent.updatedAt, payload: { message: unsent, changes: ['deletedAt'] } };
    const next = applyEventToDetail(detail(), event);
    expect(next.messages[0]).toMatchObject({ deletedAt: '2025-01-06T09:30:00.000Z', reactions: [{ emoji: '👍' }] });
  });
});

describe('notes and stage changes on the open ticket', () => {
  const note = { id: 3, ticketId: 1, authorUserId: 7, authorName: 'Dewi', body: 'Cek ke gudang dulu', stage: 1 as const, createdAt: '2025-01-06T09:30:00.000Z' };

  it('adds an internal note once, however often its event is replayed', () => {
    const event = { id: 51, type: 'note.created', ticketId: 1, createdAt: note.createdAt, payload: { note } } as AgentEvent;
    const once = applyEventToDetail(detail(), event);
    const twice = applyEventToDetail({ ...once, lastEventId: 50 }, event);
    expect(twice.notes).toEqual([note]);
  });

  it('takes the new stage and the recorded transitions from a workflow change', () => {
    const transition = { id: 1, ticketId: 1, fromStage: 1, toStage: 2, direction: 'forward', byUserId: 7, byName: 'Dewi', reason: null, override: false, missing: [], dwellMs: 60_000, at: '2025-01-06T09:31:00.000Z' };
    const event = { id: 52, type: 'workflow.updated', ticketId: 1, createdAt: transition.at, payload: { workflow: { transitions: [transition] }, ticket: ticket(1, { stage: 2, minute: 31 }), changes: ['stage'] } } as unknown as AgentEvent;
    const next = applyEventToDetail(detail(), event);
    expect(next.ticket.stage).toBe(2);
    expect(next.transitions).toEqual([transition]);
  });
});
