import type { AgentCapacity } from '../assignment/assignment.types.ts';
import type { AuditAction, AuditEntry } from '../audit/audit.types.ts';
import type { ChannelKind } from '../channels/channel.types.ts';
import type { Instant } from '../shared/instant.ts';

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditQuery {
  action?: AuditAction;
  actorUserId?: number;
  /** Keyset cursor: entries with a smaller id than this one (the last of the previous page). */
  before?: number;
  limit: number;
}

export interface AuditLogRepository {
  /** Append-only: there is no update or delete, so the log cannot be rewritten through the app. */
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first (by id, which follows insertion order). */
  list(query: AuditQuery): Promise<AuditEntry[]>;
}

export interface AgentCapacityRepository {
  /** Every override row, for one user or everybody. */
  list(userId?: number): Promise<AgentCapacity[]>;
  /** Replaces the user's rows with these: a channel left out goes back to the team's default. */
  replaceForUser(userId: number, capacities: { channel: ChannelKind; maxOpen: number }[]): Promise<void>;
}

export interface TeamMembership {
  teamId: number;
  userId: number;
  since: Instant;
}
