import type { AssignmentMode } from '../assignment/assignment.types.ts';
import type { Language } from '../customers/customer.types.ts';
import type { Instant } from '../shared/instant.ts';

export const userRoles = ['admin', 'supervisor', 'agent'] as const;
export type UserRole = (typeof userRoles)[number];

export interface User {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  language: Language;
  /** The home team: where the tickets this user opens go. Always one of `teamIds` when set. */
  teamId: number | null;
  /** Every team the user belongs to (team_members): the scope of what they see (auth/ticket.policy.ts). */
  teamIds: number[];
  createdAt: Instant;
  /** Set when an admin deactivated the account: it cannot sign in and its sessions are gone. */
  deactivatedAt: Instant | null;
}

export interface UserWithSecret extends User {
  passwordHash: string;
}

export interface Team {
  id: number;
  name: string;
  /** IANA zone of the team's business hours and report days (WIB `Asia/Jakarta` by default). */
  timeZone: string;
  assignmentMode: AssignmentMode;
  /** Open tickets per channel an agent takes when they have no capacity row of their own. */
  defaultCapacity: number;
}

export interface Session {
  tokenHash: string;
  userId: number;
  expiresAt: Instant;
  createdAt: Instant;
}

/** Slow password hashing lives behind a port so the domain stays free of node:crypto. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}

/** Session tokens: random secrets for the client, only their digest is stored. */
export interface TokenService {
  newToken(): string;
  digest(token: string): string;
}
