import type { AssignmentCandidate, ChannelKind } from '@keluh/core';

/** Folds the three queries of listCandidates (members, open counts, capacities) into one row per member. */
export function groupCandidates(
  members: readonly { userId: number; name: string; lastAssignedAt: string | null }[],
  open: readonly { userId: number; channel: ChannelKind; n: number }[],
  capacities: readonly { userId: number; channel: ChannelKind; maxOpen: number }[],
): Omit<AssignmentCandidate, 'status'>[] {
  return members.map((member) => ({
    userId: member.userId,
    name: member.name,
    lastAssignedAt: member.lastAssignedAt,
    open: Object.fromEntries(open.filter((row) => row.userId === member.userId).map((row) => [row.channel, Number(row.n)])),
    capacities: Object.fromEntries(capacities.filter((row) => row.userId === member.userId).map((row) => [row.channel, row.maxOpen])),
  }));
}
