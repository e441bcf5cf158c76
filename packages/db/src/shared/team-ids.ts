import type { User } from '@keluh/core';

/**
 * A user's teams: their team_members rows plus the home team (`users.team_id`), which the membership
 * always includes (docs/supervisors.md §Roles and scope) — so a user given a home team is never locked out
 * of it by a missing row.
 */
export function withTeamIds<U extends Omit<User, 'teamIds'>>(user: U, memberOf: readonly number[]): U & { teamIds: number[] } {
  const ids = new Set(memberOf);
  if (user.teamId !== null) ids.add(user.teamId);
  return { ...user, teamIds: [...ids].sort((a, b) => a - b) };
}

/** Groups (user, team) rows by user. */
export function teamIdsByUser(rows: readonly { userId: number; teamId: number }[]): Map<number, number[]> {
  const byUser = new Map<number, number[]>();
  for (const { userId, teamId } of rows) byUser.set(userId, [...(byUser.get(userId) ?? []), teamId]);
  return byUser;
}
