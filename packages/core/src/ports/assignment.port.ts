import type { AgentCapacity, AssignmentCandidate, AssignmentTeam, BacklogTicket, PreviousAgent } from '../assignment/assignment.types.ts';
import type { ChannelKind } from '../channels/channel.types.ts';
import type { PresenceStatus } from './presence.port.ts';
import type { Instant } from '../shared/instant.ts';
import type { Ticket } from '../tickets/ticket.types.ts';

/**
 * What automatic assignment reads and writes. Guarantees: `lockTeam` and `lockAgent` hold until the
 * transaction ends (advisory locks on PostgreSQL; SQLite's one writer holds everything), so a count read
 * after both is still true at commit; `assignIfUnassigned` changes only a ticket that is still open,
 * unassigned and in the team (a compare-and-set), bumping its version like any assignee change.
 */
export interface AssignmentRepository {
  /** The team's mode and default capacity, held against other drains of the team; null when it does not exist. */
  lockTeam(teamId: number): Promise<AssignmentTeam | null>;
  /** The same without holding anything: whether a new ticket of the team needs a drain at all. */
  findTeam(teamId: number): Promise<AssignmentTeam | null>;
  /** Holds the agent against every other automatic assignment to them, whatever the team. */
  lockAgent(userId: number): Promise<void>;
  /** The team's members with their open load per channel, own capacities and last assignment in this team. */
  listCandidates(teamId: number): Promise<Omit<AssignmentCandidate, 'status'>[]>;
  /** Open, unassigned tickets of the team, oldest waiting first (lastInboundAt, else createdAt). */
  listBacklog(teamId: number, limit: number): Promise<BacklogTicket[]>;
  /** The agent of the customer's latest other ticket that had one. */
  findPreviousAgent(customerId: number, ticketId: number): Promise<PreviousAgent | null>;
  /** The agent's `open` tickets of this channel, over every team. */
  countOpen(userId: number, channel: ChannelKind): Promise<number>;
  /** Null when the ticket was taken, left `open` or changed team meanwhile. Stamps the member's last assignment. */
  assignIfUnassigned(ticketId: number, teamId: number, userId: number, now: Instant): Promise<Ticket | null>;
  /** Teams of the user whose assignment is automatic (not `manual`). */
  listAutomaticTeamsOf(userId: number): Promise<number[]>;
  getCapacities(userId: number): Promise<AgentCapacity[]>;
  /**
   * How the team assigns. The "admin" slice's team administration owns editing teams; this and addMember
   * are the minimum automatic assignment needs, for its tests and the seed, until that lands.
   */
  setTeamRule(teamId: number, rule: Pick<AssignmentTeam, 'mode' | 'defaultCapacity'>): Promise<void>;
  /** Adds the user to the team (a no-op when already a member). */
  addMember(teamId: number, userId: number, now: Instant): Promise<void>;
  /** Sets one channel's capacity; null removes it (back to the team default). */
  setCapacity(userId: number, channel: ChannelKind, maxOpen: number | null): Promise<void>;
}

/** The status an agent chose by hand (`users.presence_choice`), one half of their effective presence. */
export interface PresenceChoiceRepository {
  /** `online` for a user who never chose; null for an unknown user. */
  get(userId: number): Promise<PresenceStatus | null>;
  /** False for an unknown user. */
  set(userId: number, choice: PresenceStatus): Promise<boolean>;
  /**
   * Stores `status` as the user's effective one unless it already is (a compare-and-set on the user's
   * row, in the caller's transaction): of several processes settling one change, exactly one gets true
   * and logs its event, and events commit in the order the row changed.
   */
  settle(userId: number, status: PresenceStatus, at: Instant): Promise<boolean>;
  /** Every user's effective status that has ever been settled, by user id. */
  listSettled(): Promise<{ userId: number; status: PresenceStatus; since: Instant }[]>;
}
