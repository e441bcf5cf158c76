import type { MessageDto, NoteDto, StageTransitionDto, TicketActivityDto } from '@keluh/contracts';

/** One row of the timeline: what the customer and we said, what staff noted, what changed. */
export type TimelineItem =
  | { kind: 'message'; key: string; at: string; message: MessageDto }
  | { kind: 'note'; key: string; at: string; note: NoteDto }
  | { kind: 'transition'; key: string; at: string; transition: StageTransitionDto }
  | { kind: 'activity'; key: string; at: string; activity: TicketActivityDto };

export interface TimelineSources {
  messages: readonly MessageDto[];
  notes?: readonly NoteDto[];
  transitions?: readonly StageTransitionDto[];
  activities?: readonly TicketActivityDto[];
}

/** Everything in time order; at the same instant messages come first, so a change reads as its consequence. */
export function timelineItems(sources: TimelineSources): TimelineItem[] {
  const items: TimelineItem[] = [
    ...sources.messages.map((message) => ({ kind: 'message' as const, key: `m${message.id}`, at: message.sentAt, message })),
    ...(sources.notes ?? []).map((note) => ({ kind: 'note' as const, key: `n${note.id}`, at: note.createdAt, note })),
    ...(sources.transitions ?? []).map((transition) => ({ kind: 'transition' as const, key: `t${transition.id}`, at: transition.at, transition })),
    ...(sources.activities ?? []).map((activity) => ({ kind: 'activity' as const, key: `a${activity.id}`, at: activity.at, activity })),
  ];
  const order = { message: 0, note: 1, transition: 2, activity: 3 };
  // A stable sort keeps the messages' own order (channel timestamp, then id) among equals.
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || order[a.kind] - order[b.kind]);
}
