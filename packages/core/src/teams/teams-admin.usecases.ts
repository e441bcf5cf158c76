import { changesOf, recordAudit } from '../audit/audit.rules.ts';
import type { Repositories, TeamSettings } from '../ports/repositories.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { Team } from '../users/user.types.ts';
import { assertAssignmentMode, canonicalTimeZone, isValidCapacity } from './team.rules.ts';

export interface TeamWithMembers extends Team {
  memberIds: number[];
}

export type TeamInput = Partial<Omit<TeamSettings, 'name'>> & { name: string; memberIds?: number[] };

const SETTINGS: readonly (keyof TeamSettings)[] = ['name', 'timeZone', 'assignmentMode', 'defaultCapacity'];

/** Every team with its members' ids, by name: for the settings page and every staff member's menus. */
export async function listTeams(deps: Pick<CoreDeps, 'db'>): Promise<TeamWithMembers[]> {
  const [teams, members] = await Promise.all([deps.db.teams.list(), deps.db.teams.listMembers()]);
  return teams.map((team) => ({ ...team, memberIds: members.filter((m) => m.teamId === team.id).map((m) => m.userId) }));
}

/** Refuses bad settings before anything is read or written; returns them in their stored form. */
function checkedSettings<T extends Partial<TeamSettings>>(input: T): T {
  const settings = { ...input };
  if (settings.name !== undefined) settings.name = settings.name.trim();
  if (settings.name === '') throw new AppError('validation.failed', 'A team needs a name', { issues: [{ path: 'body.name', message: 'Required' }] });
  if (settings.timeZone !== undefined) settings.timeZone = canonicalTimeZone(settings.timeZone);
  if (settings.assignmentMode !== undefined) assertAssignmentMode(settings.assignmentMode);
  if (settings.defaultCapacity !== undefined && !isValidCapacity(settings.defaultCapacity)) {
    throw new AppError('user.invalid_capacity', 'A default capacity is 0 to 50 open tickets', { defaultCapacity: settings.defaultCapacity });
  }
  return settings;
}

async function assertNameFree(tx: Repositories, name: string | undefined, selfId?: number): Promise<void> {
  if (name === undefined) return;
  const holder = await tx.teams.findByName(name);
  if (holder && holder.id !== selfId) throw new AppError('team.name_taken', `A team is already called ${name}`, { teamId: holder.id });
}

export async function assertUsersExist(tx: Repositories, userIds: readonly number[]): Promise<void> {
  for (const id of new Set(userIds)) if (!(await tx.users.findById(id))) throw new AppError('user.not_found', `There is no user ${id}`, { userId: id });
}

export async function createTeam(deps: CoreDeps, actorUserId: number, input: TeamInput): Promise<TeamWithMembers> {
  const { memberIds = [], ...settings } = checkedSettings(input);
  const now = deps.clock.now();
  return commit(deps, async (tx) => {
    await assertNameFree(tx, settings.name);
    await assertUsersExist(tx, memberIds);
    const { name, ...rest } = settings;
    const team = await tx.teams.create(name, now, rest);
    await tx.teams.setMembers(team.id, memberIds, now);
    await recordAudit(tx, { action: 'team.created', actorUserId, target: `team:${team.id}`, data: { ...team, memberIds } }, now);
    return { ...team, memberIds: [...new Set(memberIds)] };
  });
}

async function found(tx: Repositories, teamId: number): Promise<Team> {
  const team = await tx.teams.findById(teamId);
  if (!team) throw new AppError('team.not_found', `There is no team ${teamId}`, { teamId });
  return team;
}

/** Name, zone, mode, default capacity: only the fields given change; the audit entry holds from → to. */
export async function updateTeam(deps: CoreDeps, actorUserId: number, teamId: number, patch: Partial<TeamSettings>): Promise<TeamWithMembers> {
  const settings = checkedSettings(patch);
  const now = deps.clock.now();
  return commit(deps, async (tx) => {
    const before = await found(tx, teamId);
    await assertNameFree(tx, settings.name, teamId);
    const after = (await tx.teams.update(teamId, settings))!;
    const changes = changesOf(before, after, SETTINGS);
    if (Object.keys(changes).length > 0) await recordAudit(tx, { action: 'team.updated', actorUserId, target: `team:${teamId}`, data: { changes } }, now);
    const memberIds = (await tx.teams.listMembers(teamId)).map((m) => m.userId);
    return { ...after, memberIds };
  });
}

/** `changedUserIds`: who joined or left, so the caller can move their open sockets into their new scope. */
export async function setTeamMembers(deps: CoreDeps, actorUserId: number, teamId: number, userIds: number[]): Promise<TeamWithMembers & { changedUserIds: number[] }> {
  const memberIds = [...new Set(userIds)];
  const now = deps.clock.now();
  return commit(deps, async (tx) => {
    const team = await found(tx, teamId);
    await assertUsersExist(tx, memberIds);
    const before = (await tx.teams.listMembers(teamId)).map((m) => m.userId);
    await tx.teams.setMembers(teamId, memberIds, now);
    const added = memberIds.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !memberIds.includes(id));
    if (added.length + removed.length > 0) await recordAudit(tx, { action: 'team.updated', actorUserId, target: `team:${teamId}`, data: { added, removed } }, now);
    return { ...team, memberIds, changedUserIds: [...added, ...removed] };
  });
}
