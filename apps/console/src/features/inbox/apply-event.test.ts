import { describe, expect, it } from 'vitest';
import { events, message, ticket } from '../../test/fixtures.ts';
import { workflowEvents, workflowSnapshot } from '../../test/workflow.fixtures.ts';
import { appendPage, applyEventToList, applyTicketSnapshot, type ListContext, type ListState } from './apply-event.ts';

const all: ListContext = { filter: { view: 'all', tab: 'all', channel: null }, userId: 7 };
const ids = (state: ListState) => state.items.map((item) => item.id);

function listOf(...items: ReturnType<typeof ticket>[]): ListState {
  return { items, lastEventId: 100, hasMore: false };
}

describe('applying live events to the ticket list', () => {
  it('shows a ticket’s new stage on its row when its workflow moves', () => {
    const state = listOf(ticket(2), ticket(1));
    const next = applyEventToList(state, workflowEvents.updated(101, workflowSnapshot(1, { stage: 2 }), ticket(1, { stage: 2 })), all);
    expect(next.items.find((item) => item.id === 1)?.stage).toBe(2);
  });

  it('puts a newly created ticket at the top', () => {
    const state = listOf(ticket(2), ticket(1));
    const next = applyEventToList(state, events.ticketCreated(101, ticket(3)), all);
    expect(ids(next)).toEqual([3, 2, 1]);
    expect(next.lastEventId).toBe(101);
  });

  it('moves a ticket with a new message to the top and shows its new unread count', () => {
    const state = listOf(ticket(3), ticket(2), ticket(1));
    const bumped = ticket(1, { minute: 30, unreadCount: 2, lastMessagePreview: 'Halo?' });
    const next = applyEventToList(state, events.messageCreated(101, message(9, 1, { minute: 30 }), bumped), all);
    expect(ids(next)).toEqual([1, 3, 2]);
    expect(next.items[0]).toMatchObject({ unreadCount: 2, lastMessagePreview: 'Halo?' });
  });

  it('ignores an event it has already applied, even when replayed after a reconnect', () => {
    const state = listOf(ticket(2), ticket(1));
    const once = applyEventToList(state, events.ticketCreated(101, ticket(3)), all);
    const again = applyEventToList(once, events.ticketCreated(101, ticket(3)), all);
    expect(again).toBe(once);
    expect(applyEventToList(state, events.ticketCreated(100, ticket(3)), all)).toBe(state);
  });

  it('drops a ticket that no longer matches the filter and adds one that now does', () => {
    const open: ListContext = { filter: { view: 'all', tab: 'open', channel: null }, userId: 7 };
    const state = listOf(ticket(2), ticket(1));
    const resolved = applyEventToList(state, events.ticketUpdated(101, ticket(1, { status: 'resolved' })), open);
    expect(ids(resolved)).toEqual([2]);
    const reopened = applyEventToList(resolved, events.ticketUpdated(102, ticket(1, { status: 'open' })), open);
    expect(ids(reopened)).toEqual([2, 1]);
  });

  it('keeps "Mine" to tickets assigned to the signed-in agent', () => {
    const mine: ListContext = { filter: { view: 'mine', tab: 'all', channel: null }, userId: 7 };
    const state = listOf();
    const other = applyEventToList(state, events.ticketCreated(101, ticket(1, { assigneeId: 8 })), mine);
    expect(ids(other)).toEqual([]);
    const own = applyEventToList(other, events.ticketUpdated(102, ticket(1, { assigneeId: 7 })), mine);
    expect(ids(own)).toEqual([1]);
  });

  it('leaves a ticket older than the loaded page to the page that will bring it', () => {
    const state: ListState = { items: [ticket(5), ticket(4)], lastEventId: 100, hasMore: true };
    const next = applyEventToList(state, events.ticketUpdated(101, ticket(1)), all);
    expect(ids(next)).toEqual([5, 4]);
    expect(next.lastEventId).toBe(101);
  });

  it('advances its position on a delivery status without touching rows', () => {
    const state = listOf(ticket(1));
    const next = applyEventToList(state, events.messageStatus(101, { id: 1, ticketId: 1 }, 'read'), all);
    expect(next.items).toBe(state.items);
    expect(next.lastEventId).toBe(101);
  });
});

describe('applying HTTP answers to the ticket list', () => {
  it('does not let an older snapshot overwrite a newer row', () => {
    const state = listOf(ticket(1, { minute: 20, priority: 'urgent' }));
    const stale = ticket(1, { minute: 10, priority: 'low' });
    expect(applyTicketSnapshot(state, stale, all)).toBe(state);
  });

  it('appends a page without duplicating rows that arrived live', () => {
    const state: ListState = { items: [ticket(9), ticket(5)], lastEventId: 100, hasMore: true };
    const next = appendPage(state, [ticket(5), ticket(4), ticket(3)], false);
    expect(ids(next)).toEqual([9, 5, 4, 3]);
    expect(next.hasMore).toBe(false);
  });
});
