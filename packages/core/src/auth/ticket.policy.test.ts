import { describe, expect, it } from 'vitest';
import type { UserRole } from '../users/user.types.ts';
import { canBeAssigned, canReassign, canSeeTicket, ticketScopeFor, type ScopedTicket } from './ticket.policy.ts';

const SALES = 1;
const SUPPORT = 2;
const me = (role: UserRole) => ({ id: 7, role, teamIds: [SALES] });
const ticket = (teamId: number | null, assigneeId: number | null): ScopedTicket => ({ teamId, assigneeId });

describe('which tickets a user sees', () => {
  const cases: [UserRole, boolean, ScopedTicket, boolean, string][] = [
    ['admin', false, ticket(SUPPORT, 9), true, "an admin sees another team's ticket"],
    ['admin', true, ticket(null, null), true, 'an admin sees a ticket that has no team'],
    ['supervisor', false, ticket(SALES, 9), true, "a supervisor sees a colleague's ticket of their team"],
    ['supervisor', true, ticket(SALES, 9), true, "a supervisor still sees a colleague's ticket when agents are limited"],
    ['supervisor', false, ticket(SUPPORT, null), false, "a supervisor does not see another team's ticket"],
    ['agent', false, ticket(SALES, 9), true, "an agent sees a colleague's ticket of their team"],
    ['agent', false, ticket(SUPPORT, 7), false, 'an agent does not see a ticket of another team, even one assigned to them'],
    ['agent', false, ticket(null, null), false, 'an agent does not see a ticket without a team'],
    ['agent', true, ticket(SALES, 9), false, "a limited agent does not see a colleague's ticket"],
    ['agent', true, ticket(SALES, 7), true, 'a limited agent sees their own ticket'],
    ['agent', true, ticket(SALES, null), true, 'a limited agent sees an unassigned ticket of their team'],
    ['agent', true, ticket(SUPPORT, null), false, "a limited agent does not see another team's unassigned ticket"],
  ];
  it.each(cases)('%s (own and unassigned only: %s) on %o → %s: %s', (role, limited, seen, expected) => {
    expect(canSeeTicket(ticketScopeFor(me(role), { agentsOwnAndUnassigned: limited }), seen)).toBe(expected);
  });

  it('gives an agent without teams a scope that matches nothing', () => {
    const scope = ticketScopeFor({ id: 7, role: 'agent', teamIds: [] }, { agentsOwnAndUnassigned: false });
    expect(scope).toEqual({ kind: 'teams', teamIds: [] });
    expect(canSeeTicket(scope, ticket(SALES, null))).toBe(false);
  });
});

describe('who may change an assignment', () => {
  const cases: [UserRole, number | null, number | null, boolean, string][] = [
    ['agent', null, 7, true, 'an agent takes an unassigned ticket'],
    ['agent', 7, null, true, 'an agent hands their own ticket back'],
    ['agent', 9, 9, true, "an agent leaves a colleague's assignment as it is"],
    ['agent', 9, 7, false, "an agent cannot take a colleague's ticket"],
    ['agent', 9, null, false, "an agent cannot unassign a colleague's ticket"],
    ['agent', 7, 9, false, 'an agent cannot hand their own ticket to a colleague'],
    ['agent', null, 9, false, 'an agent cannot give an unassigned ticket to a colleague'],
    ['supervisor', 9, 8, true, "a supervisor moves a colleague's ticket"],
    ['admin', null, 9, true, 'an admin assigns anyone'],
  ];
  it.each(cases)('%s: from %s to %s → %s: %s', (role, from, to, expected) => {
    expect(canReassign(me(role), { assigneeId: from }, to)).toBe(expected);
  });

  it("assigns only members of the ticket's team", () => {
    expect(canBeAssigned({ teamIds: [SALES, SUPPORT] }, SUPPORT)).toBe(true);
    expect(canBeAssigned({ teamIds: [SALES] }, SUPPORT)).toBe(false);
    expect(canBeAssigned({ teamIds: [] }, null)).toBe(true);
  });
});
