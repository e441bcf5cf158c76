import type { StoredEvent, TicketScope } from '@keluh/core';

/*
 * Rooms of the /agent namespace, so that an event reaches exactly the sockets whose user may see its
 * ticket (core's canSeeTicket on the event's copy of the ticket's team and assignee):
 * - `all`: admins, every ticket;
 * - `team:<id>`: supervisors and agents who see every ticket of the team;
 * - `team:<id>:unassigned` and `team:<id>:user:<userId>`: agents limited to their own and unassigned
 *   tickets — one room per team and user, so a ticket of another team assigned to them stays unseen;
 * - `staff`: every staff socket, for events without a ticket (a channel's health, presence);
 * - `user:<id>`: a user's sockets, to cut them when their role or teams change.
 */
export const STAFF_ROOM = 'staff';
export const ALL_ROOM = 'all';
/** Sockets of users whose scope the "own and unassigned only" setting decides. */
export const AGENTS_ROOM = 'agents';
export const userRoom = (userId: number) => `user:${userId}`;

export function roomsOfScope(scope: TicketScope): string[] {
  if (scope.kind === 'all') return [ALL_ROOM];
  if (scope.kind === 'teams') return scope.teamIds.map((teamId) => `team:${teamId}`);
  return scope.teamIds.flatMap((teamId) => [`team:${teamId}:unassigned`, `team:${teamId}:user:${scope.userId}`]);
}

export function roomsOfEvent(event: Pick<StoredEvent, 'ticketId' | 'teamId' | 'assigneeId'>): string[] {
  if (event.ticketId === null) return [STAFF_ROOM];
  if (event.teamId === null) return [ALL_ROOM];
  const team = `team:${event.teamId}`;
  return [ALL_ROOM, team, event.assigneeId === null ? `${team}:unassigned` : `${team}:user:${event.assigneeId}`];
}

/** Consecutive events bound for the same rooms, as one frame each: every socket still gets its events in log order. */
export function framesByRooms(events: readonly StoredEvent[]): { rooms: string[]; events: StoredEvent[] }[] {
  const frames: { rooms: string[]; events: StoredEvent[]; key: string }[] = [];
  for (const event of events) {
    const rooms = roomsOfEvent(event);
    const key = rooms.join('|');
    const last = frames.at(-1);
    if (last?.key === key) last.events.push(event);
    else frames.push({ rooms, events: [event], key });
  }
  return frames.map(({ rooms, events: framed }) => ({ rooms, events: framed }));
}
