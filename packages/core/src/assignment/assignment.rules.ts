import type { ChannelKind } from '../channels/channel.types.ts';
import type { AssignmentCandidate, AssignmentMode, AssignmentPick, PreviousAgent } from './assignment.types.ts';

export interface PickInput {
  mode: AssignmentMode;
  channel: ChannelKind;
  teamDefaultCapacity: number;
  candidates: readonly AssignmentCandidate[];
  previous: PreviousAgent | null;
}

/** Open tickets of this channel the agent takes at once: their own row, else the team's default. */
export function capacityFor(candidate: Pick<AssignmentCandidate, 'capacities'>, channel: ChannelKind, teamDefault: number): number {
  return candidate.capacities[channel] ?? teamDefault;
}

export function openOn(candidate: Pick<AssignmentCandidate, 'open'>, channel: ChannelKind): number {
  return candidate.open[channel] ?? 0;
}

/** Never-assigned agents sort first: they have waited longest of all. */
function assignedLongestAgo(a: AssignmentCandidate, b: AssignmentCandidate): number {
  const left = a.lastAssignedAt ?? '';
  const right = b.lastAssignedAt ?? '';
  if (left !== right) return left < right ? -1 : 1;
  return a.userId - b.userId;
}

/**
 * Who gets the ticket, or null when no online member has room for one more of its channel. The counts
 * are the agent's load *before* this ticket, and the reason records the load after it ("2 of 5 open").
 */
export function pickAgent(input: PickInput): AssignmentPick | null {
  if (input.mode === 'manual') return null;
  const withRoom = input.candidates.filter(
    (candidate) => candidate.status === 'online' && openOn(candidate, input.channel) < capacityFor(candidate, input.channel, input.teamDefaultCapacity),
  );
  const load = (candidate: AssignmentCandidate) => ({
    openCount: openOn(candidate, input.channel) + 1,
    capacity: capacityFor(candidate, input.channel, input.teamDefaultCapacity),
  });
  const previous = input.previous && withRoom.find((candidate) => candidate.userId === input.previous!.userId);
  if (previous) return { userId: previous.userId, reason: { rule: 'returning_customer', previousTicketId: input.previous!.ticketId, ...load(previous) } };
  if (withRoom.length === 0) return null;
  const ordered =
    input.mode === 'round_robin'
      ? [...withRoom].sort(assignedLongestAgo)
      : [...withRoom].sort((a, b) => openOn(a, input.channel) - openOn(b, input.channel) || assignedLongestAgo(a, b));
  const chosen = ordered[0]!;
  return { userId: chosen.userId, reason: { rule: input.mode, ...load(chosen) } };
}
