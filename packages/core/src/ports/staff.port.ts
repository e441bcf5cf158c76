import type { Instant } from '../shared/instant.ts';
import type { Session, Team, User, UserRole, UserWithSecret } from '../users/user.types.ts';

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
}

export interface TeamRepository {
  create(name: string, now: Instant): Promise<Team>;
  list(): Promise<Team[]>;
  /** The team new tickets go to when nothing routes them: the lowest id. Null before any team exists. */
  findDefault(): Promise<Team | null>;
  /**
   * Makes `teamIds` the user's whole membership (rows added and removed in one go; unknown teams refused by
   * the foreign key). Unchanged rows keep their `created_at`.
   */
  setMembers(userId: number, teamIds: readonly number[], now: Instant): Promise<void>;
  /** The ids of the team's members, ascending. */
  listMemberIds(teamId: number): Promise<number[]>;
}

export interface SessionRepository {
  create(session: Session): Promise<void>;
  findValid(tokenHash: string, now: Instant): Promise<Session | null>;
  delete(tokenHash: string): Promise<void>;
  /** Deletes sessions that expired at or before `now`; returns how many. */
  purgeExpired(now: Instant): Promise<number>;
}
