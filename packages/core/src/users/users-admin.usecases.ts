import type { AgentCapacity } from '../assignment/assignment.types.ts';
import { recordAudit } from '../audit/audit.rules.ts';
import type { ChannelKind } from '../channels/channel.types.ts';
import type { Language } from '../customers/customer.types.ts';
import type { Repositories } from '../ports/repositories.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import { isValidCapacity, MAX_CAPACITY } from '../teams/team.rules.ts';
import { userRoles, type PasswordHasher, type TokenService, type User, type UserRole } from './user.types.ts';

export interface UserAdminDeps extends CoreDeps {
  hasher: PasswordHasher;
  tokens: TokenService;
}

/** A user as the admin's Users page shows them: `teamIds` are every team they belong to, home team included. */
export interface StaffMember extends User {
  capacities: AgentCapacity[];
}

export interface InviteInput {
  name: string;
  email: string;
  /** Checked here (user.invalid_role), so every client gets the same code whatever it sends. */
  role: string;
  teamIds: number[];
  language?: Language;
}

export async function listStaff(deps: Pick<CoreDeps, 'db'>): Promise<StaffMember[]> {
  const [users, capacities] = await Promise.all([deps.db.users.list(), deps.db.agentCapacities.list()]);
  return users.map((user) => ({ ...user, capacities: capacities.filter((c) => c.userId === user.id) }));
}

function assertRole(role: string): asserts role is UserRole {
  if (!(userRoles as readonly string[]).includes(role)) throw new AppError('user.invalid_role', `Unknown role ${role}`, { role });
}

async function assertTeamsExist(tx: Repositories, teamIds: readonly number[]): Promise<void> {
  for (const id of new Set(teamIds)) if (!(await tx.teams.findById(id))) throw new AppError('team.not_found', `There is no team ${id}`, { teamId: id });
}

/** An account someone else may act on: present and not deactivated. */
async function activeUser(tx: Repositories, userId: number): Promise<User> {
  const user = await tx.users.findById(userId);
  if (!user) throw new AppError('user.not_found', `There is no user ${userId}`, { userId });
  if (user.deactivatedAt) throw new AppError('user.deactivated', `User ${userId} was deactivated`, { userId });
  return user;
}

/** Refuses a change that would leave no active admin; call after locking, before writing. */
async function assertAnotherAdminRemains(tx: Repositories, user: User): Promise<void> {
  if (user.role !== 'admin') return;
  const admins = await tx.users.lockActiveAdmins();
  if (admins.filter((id) => id !== user.id).length === 0) throw new AppError('user.last_admin', 'The last admin must stay an active admin', { userId: user.id });
}

/**
 * Creates the account with a generated one-time password, returned here once and stored only as a
 * hash. The first team is the home team (where tickets they open go); all of them are memberships.
 */
export async function inviteUser(deps: UserAdminDeps, actorUserId: number, input: InviteInput): Promise<{ user: StaffMember; oneTimePassword: string }> {
  const { role } = input;
  assertRole(role);
  const email = input.email.trim().toLowerCase();
  const teamIds = [...new Set(input.teamIds)];
  const oneTimePassword = deps.tokens.newToken().slice(0, 20);
  // Hashing is slow on purpose: done before the transaction so it holds no writer meanwhile.
  const passwordHash = await deps.hasher.hash(oneTimePassword);
  const now = deps.clock.now();
  const user = await commit(deps, async (tx) => {
    if (await tx.users.findByEmailWithSecret(email)) throw new AppError('user.email_taken', `${email} already has an account`);
    await assertTeamsExist(tx, teamIds);
    const created = await tx.users.create({ email, name: input.name.trim(), role, passwordHash, language: input.language ?? 'id', teamId: teamIds[0] ?? null }, now);
    await tx.teams.setTeamsOfUser(created.id, teamIds, now);
    await recordAudit(tx, { action: 'user.invited', actorUserId, target: `user:${created.id}`, data: { email, name: created.name, role: created.role, teamIds } }, now);
    return created;
  });
  return { user: { ...user, teamIds, capacities: [] }, oneTimePassword };
}

export async function changeUserRole(deps: CoreDeps, actorUserId: number, userId: number, role: string): Promise<User> {
  assertRole(role);
  const now = deps.clock.now();
  return commit(deps, async (tx) => {
    const user = await activeUser(tx, userId);
    if (user.role === role) return user;
    if (role !== 'admin') await assertAnotherAdminRemains(tx, user);
    const updated = (await tx.users.setRole(userId, role))!;
    await recordAudit(tx, { action: 'user.role_changed', actorUserId, target: `user:${userId}`, data: { from: user.role, to: role } }, now);
    return updated;
  });
}

export async function setUserTeams(deps: CoreDeps, actorUserId: number, userId: number, teamIds: number[]): Promise<number[]> {
  const wanted = [...new Set(teamIds)];
  const now = deps.clock.now();
  return commit(deps, async (tx) => {
    await activeUser(tx, userId);
    await assertTeamsExist(tx, wanted);
    const before = (await tx.teams.listMembers()).filter((m) => m.userId === userId).map((m) => m.teamId);
    await tx.teams.setTeamsOfUser(userId, wanted, now);
    if (JSON.stringify([...before].sort()) !== JSON.stringify([...wanted].sort())) {
      await recordAudit(tx, { action: 'user.teams_changed', actorUserId, target: `user:${userId}`, data: { from: before, to: wanted } }, now);
    }
    return wanted;
  });
}

/** Replaces the user's per-channel overrides; a channel left out takes the team's default again. */
export async function setUserCapacities(deps: CoreDeps, actorUserId: number, userId: number, capacities: { channel: ChannelKind; maxOpen: number }[]): Promise<AgentCapacity[]> {
  const channels = capacities.map((c) => c.channel);
  if (new Set(channels).size !== channels.length) throw new AppError('validation.failed', 'One capacity per channel', { issues: [{ path: 'body.capacities', message: 'A channel appears twice' }] });
  const invalid = capacities.find((c) => !isValidCapacity(c.maxOpen));
  if (invalid) throw new AppError('user.invalid_capacity', `A capacity is 0 to ${MAX_CAPACITY} open tickets`, { channel: invalid.channel, maxOpen: invalid.maxOpen });
  const now = deps.clock.now();
  return commit(deps, async (tx) => {
    await activeUser(tx, userId);
    const before = (await tx.agentCapacities.list(userId)).map(({ channel, maxOpen }) => ({ channel, maxOpen }));
    await tx.agentCapacities.replaceForUser(userId, capacities);
    await recordAudit(tx, { action: 'user.capacity_changed', actorUserId, target: `user:${userId}`, data: { from: before, to: capacities } }, now);
    return tx.agentCapacities.list(userId);
  });
}

/**
 * Deactivates the account and deletes its sessions in one transaction; returns the sessions' digests so
 * the caller can cut the live sockets opened with them. The row stays: tickets and the audit keep a name.
 */
export async function deactivateUser(deps: CoreDeps, actorUserId: number, userId: number): Promise<{ user: User; endedSessions: string[] }> {
  const now = deps.clock.now();
  return commit(deps, async (tx) => {
    const user = await activeUser(tx, userId);
    await assertAnotherAdminRemains(tx, user);
    const deactivated = (await tx.users.deactivate(userId, now))!;
    const endedSessions = await tx.sessions.deleteForUser(userId);
    await recordAudit(tx, { action: 'user.deactivated', actorUserId, target: `user:${userId}`, data: { email: user.email, role: user.role, sessionsEnded: endedSessions.length } }, now);
    return { user: deactivated, endedSessions };
  });
}
