import type { ChannelKind } from '../channels/channel.types.ts';

/** How a team's new tickets find an agent (docs/supervisors.md §Assignment). */
export const assignmentModes = ['manual', 'round_robin', 'balanced'] as const;
export type AssignmentMode = (typeof assignmentModes)[number];

/** How many open tickets of one channel an agent takes at once; no row means the team's default. */
export interface AgentCapacity {
  userId: number;
  channel: ChannelKind;
  maxOpen: number;
}

/** Why a ticket went to whom: stored on the `assigned` activity and rendered on the timeline. */
export type AssignmentReason =
  | { rule: 'round_robin' | 'balanced'; openCount: number; capacity: number }
  | { rule: 'returning_customer'; previousTicketId: number; openCount: number; capacity: number }
  | { rule: 'manual'; byUserId: number }
  | { rule: 'escalation'; metric: string };

/** One member of a team as automatic assignment sees them (docs/supervisors.md §Assignment). */
export interface AssignmentCandidate {
  userId: number;
  name: string;
  /** The effective presence status; only `online` members are ever picked. */
  status: 'online' | 'away' | 'offline';
  /** Their `open` tickets per channel, over every team (pending, resolved and closed do not count). */
  open: Partial<Record<ChannelKind, number>>;
  /** Their own capacity rows; a channel without one falls back to the team's default. */
  capacities: Partial<Record<ChannelKind, number>>;
  /** When automatic assignment last gave them a ticket of this team; null for never. */
  lastAssignedAt: string | null;
}

/** What a team's drain needs to know about the team itself. */
export interface AssignmentTeam {
  id: number;
  mode: AssignmentMode;
  defaultCapacity: number;
}

/** A ticket waiting for an agent, oldest waiting first. */
export interface BacklogTicket {
  id: number;
  customerId: number;
  channel: ChannelKind;
  /** lastInboundAt, else createdAt: how long the customer has been waiting. */
  waitingSince: string;
}

/** The agent of the customer's previous ticket, for "returning customer" assignment. */
export interface PreviousAgent {
  userId: number;
  ticketId: number;
}

export interface AssignmentPick {
  userId: number;
  reason: Extract<AssignmentReason, { rule: 'round_robin' | 'balanced' | 'returning_customer' }>;
}
