import { and, eq, inArray, isNull, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { TicketScope } from '@keluh/core';

/**
 * core's canSeeTicket as a WHERE condition on any table carrying a ticket's team and assignee (tickets,
 * the event log), for either dialect. Undefined when the scope sees everything.
 */
export function scopeCondition(scope: TicketScope | undefined, columns: { teamId: Column; assigneeId: Column }): SQL | undefined {
  if (!scope || scope.kind === 'all') return undefined;
  // `in ()` is no valid SQL, and a user in no team sees no ticket.
  if (scope.teamIds.length === 0) return sql`1 = 0`;
  const inTeams = inArray(columns.teamId, [...scope.teamIds]);
  if (scope.kind === 'teams') return inTeams;
  return and(inTeams, or(isNull(columns.assigneeId), eq(columns.assigneeId, scope.userId)));
}

/** The same on the event log: events of no ticket (a channel's health, presence) are for all staff. */
export function eventScopeCondition(scope: TicketScope | undefined, columns: { ticketId: Column; teamId: Column; assigneeId: Column }): SQL | undefined {
  const scoped = scopeCondition(scope, columns);
  return scoped ? or(isNull(columns.ticketId), scoped) : undefined;
}
