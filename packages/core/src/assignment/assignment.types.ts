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
