import type { Ticket } from '../tickets/ticket.types.ts';
import type { User } from '../users/user.types.ts';
import { can } from './policy.ts';

/** Settings that narrow what staff see; admins edit them (`settings.configure`). */
export interface TicketSettings {
  /** Agents see only the tickets assigned to them and the unassigned ones of their teams. */
  agentsOwnAndUnassigned: boolean;
}

export const defaultTicketSettings: TicketSettings = { agentsOwnAndUnassigned: false };

/**
 * Which tickets a user may see, in a shape the repositories turn into a WHERE clause: every ticket, the
 * tickets of some teams, or of some teams but only unassigned or the user's own. A ticket without a team
 * is an anomaly (ingest always gives one), so only `all` sees it.
 */
export type TicketScope =
  | { kind: 'all' }
  | { kind: 'teams'; teamIds: readonly number[] }
  | { kind: 'own_and_unassigned'; teamIds: readonly number[]; userId: number };

export type ScopedUser = Pick<User, 'id' | 'role' | 'teamIds'>;

export function ticketScopeFor(user: ScopedUser, settings: TicketSettings): TicketScope {
  if (user.role === 'admin') return { kind: 'all' };
  const teamIds = [...user.teamIds];
  if (settings.agentsOwnAndUnassigned && !can(user, 'tickets.view_team')) return { kind: 'own_and_unassigned', teamIds, userId: user.id };
  return { kind: 'teams', teamIds };
}

/** What the scope is judged on: the ticket's team and assignee (a ticket row, or an event's copy of them). */
export type ScopedTicket = Pick<Ticket, 'teamId' | 'assigneeId'>;

export function canSeeTicket(scope: TicketScope, ticket: ScopedTicket): boolean {
  if (scope.kind === 'all') return true;
  if (ticket.teamId === null || !scope.teamIds.includes(ticket.teamId)) return false;
  return scope.kind === 'teams' || ticket.assigneeId === null || ticket.assigneeId === scope.userId;
}

/**
 * Whether `user` may move the ticket's assignment to `assigneeId`. Without `tickets.reassign` an agent may
 * only take an unassigned ticket for themselves or hand their own back: anything else changes someone
 * else's work. Leaving the assignee as it is never needs a permission.
 */
export function canReassign(user: Pick<User, 'id' | 'role'>, ticket: Pick<Ticket, 'assigneeId'>, assigneeId: number | null): boolean {
  if (assigneeId === ticket.assigneeId || can(user, 'tickets.reassign')) return true;
  if (ticket.assigneeId === null) return assigneeId === user.id;
  return ticket.assigneeId === user.id && assigneeId === null;
}

/** Whether `assignee` may be given a ticket of `teamId`: only a member of the ticket's team works it. */
export function canBeAssigned(assignee: Pick<User, 'teamIds'>, teamId: number | null): boolean {
  return teamId === null || assignee.teamIds.includes(teamId);
}
