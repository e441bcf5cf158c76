import type { Instant } from '../shared/instant.ts';
import type { Session, Team, User, UserRole, UserWithSecret } from '../users/user.types.ts';
import type { TeamMembership } from './admin.port.ts';

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  passwordHash: string;
  language?: 'id' | 'en';
  /** The home team; the user also becomes a member of it. */
  teamId?: number | null;
}

export interface UserRepository {
  /** Guarantee: one user per email, whatever its case (a unique key); a taken one throws. */
  create(input: NewUser, now: Instant): Promise<User>;
  /**
   * The same, but a taken email — also one a concurrent transaction is inserting and then commits — gives
   * null instead of an error: two processes seeding an empty database agree on who created the admin.
   */
  insertIfAbsent(input: NewUser, now: Instant): Promise<User | null>;
  findById(id: number): Promise<User | null>;
  findByEmailWithSecret(email: string): Promise<UserWithSecret | null>;
  list(): Promise<User[]>;
  count(): Promise<number>;
  /** Null when the user does not exist. */
  setRole(id: number, role: UserRole): Promise<User | null>;
  /** Sets `deactivated_at` once; null when the user does not exist (a second call keeps the first time). */
  deactivate(id: number, now: Instant): Promise<User | null>;
  /**
   * The ids of the admins not deactivated, their rows locked until the transaction ends: two admins
   * demoting each other at once must not both see the other still there (PostgreSQL: FOR UPDATE).
   */
  lockActiveAdmins(): Promise<number[]>;
}

export type TeamSettings = Pick<Team, 'name' | 'timeZone' | 'assignmentMode' | 'defaultCapacity'>;

export interface TeamRepository {
  /** Guarantee: team names are unique (a unique key); a taken one throws. Omitted settings take the defaults. */
  create(name: string, now: Instant, settings?: Partial<Omit<TeamSettings, 'name'>>): Promise<Team>;
  list(): Promise<Team[]>;
  findById(id: number): Promise<Team | null>;
  findByName(name: string): Promise<Team | null>;
  /** Null when the team does not exist; a taken name throws like create. */
  update(id: number, patch: Partial<TeamSettings>): Promise<Team | null>;
  /** Every membership row, or one team's. */
  listMembers(teamId?: number): Promise<TeamMembership[]>;
  /** The team's members become exactly these users (rows of others are left alone). */
  setMembers(teamId: number, userIds: number[], now: Instant): Promise<void>;
  /** The user's teams become exactly these (the same rows seen from the user's side). */
  setTeamsOfUser(userId: number, teamIds: number[], now: Instant): Promise<void>;
  /** The team new tickets go to when nothing routes them: the lowest id. Null before any team exists. */
  findDefault(): Promise<Team | null>;
  /** The ids of the team's members, ascending. */
  listMemberIds(teamId: number): Promise<number[]>;
}

export interface SessionRepository {
  create(session: Session): Promise<void>;
  findValid(tokenHash: string, now: Instant): Promise<Session | null>;
  delete(tokenHash: string): Promise<void>;
  /** Ends every session of the user; returns their digests so live sockets opened with them can be cut. */
  deleteForUser(userId: number): Promise<string[]>;
  /** Deletes sessions that expired at or before `now`; returns how many. */
  purgeExpired(now: Instant): Promise<number>;
}
