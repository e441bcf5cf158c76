import { describe, expect, it } from 'vitest';
import type { StageTransitionDto } from '@keluh/contracts';
import { message } from '../../test/fixtures.ts';
import { timelineItems } from './timeline-items.ts';

const note = (id: number, minute: number) => ({ id, ticketId: 1, authorUserId: 7, authorName: 'Dewi', body: 'n', stage: 1 as const, createdAt: new Date(Date.UTC(2025, 0, 6, 9, minute)).toISOString() });

describe('the timeline of a ticket', () => {
  it('shows messages, internal notes and stage changes in the order they happened', () => {
    const transition: StageTransitionDto = { id: 1, ticketId: 1, fromStage: 1, toStage: 2, direction: 'forward', byUserId: 7, byName: 'Dewi', reason: null, override: false, missing: [], dwellMs: 1, at: new Date(Date.UTC(2025, 0, 6, 9, 4)).toISOString() };
    const items = timelineItems({ messages: [message(1, 1, { minute: 1 }), message(2, 1, { minute: 5 })], notes: [note(9, 3)], transitions: [transition] });
    expect(items.map((item) => item.key)).toEqual(['m1', 'n9', 't1', 'm2']);
  });

  it('puts a message before a note written in the same minute', () => {
    const items = timelineItems({ messages: [message(1, 1, { minute: 3 })], notes: [note(9, 3)] });
    expect(items.map((item) => item.kind)).toEqual(['message', 'note']);
  });
});
