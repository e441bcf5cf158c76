import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '@keluh/core';
import { toVisitorEvent } from './visitor-projection.ts';

const base = { id: 7, ticketId: 3, customerId: 5, teamId: 1, assigneeId: null, createdAt: '2026-03-02T08:00:00.000Z' };

describe('what a visitor never sees of the workflow', () => {
  it.each<[string, StoredEvent]>([
    ['an internal note', { ...base, type: 'note.created', payload: { note: { id: 1, ticketId: 3, authorUserId: 2, authorName: 'Dewi', body: 'Pelanggan VIP', stage: 2, createdAt: base.createdAt } } }],
    ['a system activity', { ...base, type: 'ticket.activity', payload: { activity: { id: 1, ticketId: 3, actorUserId: 2, at: base.createdAt, kind: 'complaint.unmarked', data: { reason: 'Cuma tanya' } } } }],
    ['a stage change', { ...base, type: 'workflow.updated', payload: { workflow: {} as never, ticket: {} as never, changes: ['stage'] } }],
    ['a stuck nudge', { ...base, type: 'workflow.stuck', payload: { stuck: {} as never } }],
    ['a customer merge', { ...base, type: 'customer.merged', payload: { merge: {} as never } }],
    ['a merge undone', { ...base, type: 'customer.unmerged', payload: { merge: {} as never } }],
    ['a merge suggestion', { ...base, type: 'suggestion.updated', payload: { suggestion: {} as never } }],
  ])('%s is projected to nothing for the widget', (_what, event) => {
    expect(toVisitorEvent(event)).toBeNull();
  });
});
