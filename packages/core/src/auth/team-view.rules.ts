import { AppError } from '../shared/errors.ts';
import type { User } from '../users/user.types.ts';

/**
 * Which teams a board or a report may show this user: null means every team (admins), otherwise the ids
 * to filter by. Asking for one team narrows to it; a team outside the user's own is `team.not_found`, the
 * same answer as for a team that does not exist, so a supervisor cannot learn other teams' figures.
 */
export function teamsInView(user: Pick<User, 'role' | 'teamIds'>, requestedTeamId?: number | null): number[] | null {
  const requested = requestedTeamId ?? null;
  if (user.role === 'admin') return requested === null ? null : [requested];
  if (requested === null) return [...user.teamIds];
  if (!user.teamIds.includes(requested)) throw new AppError('team.not_found', `Team ${requested} is not one of yours`, { teamId: requested });
  return [requested];
}
