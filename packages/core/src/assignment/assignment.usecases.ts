import type { Repositories } from '../ports/repositories.ts';
import type { PresenceStatus } from '../ports/presence.port.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import type { Instant } from '../shared/instant.ts';
import { pickAgent } from './assignment.rules.ts';
import type { AssignmentCandidate, AssignmentPick, BacklogTicket } from './assignment.types.ts';

/** How many of the oldest waiting tickets one assignment looks through for one that someone has room for. */
const BACKLOG_WINDOW = 50;

/** Effective presence by user id (absent: offline), as the presence tracker last settled it. */
export type PresenceStatuses = ReadonlyMap<number, PresenceStatus>;

export interface Assignment {
  ticketId: number;
  userId: number;
}

/**
 * Schedules a drain of the team's backlog, in the transaction that created the need. `cause` names the
 * change (a ticket created, a ticket that left `open` at a version, an agent online since a time), so a
 * redelivered change schedules nothing twice while every new change gets a drain of its own.
 */
export async function scheduleAssignmentDrain(tx: Pick<Repositories, 'jobs' | 'assignment'>, teamId: number, cause: string, now: Instant): Promise<void> {
  const team = await tx.assignment.findTeam(teamId);
  if (!team || team.mode === 'manual') return;
  await tx.jobs.schedule({ kind: 'assignment.drain', key: `team:${teamId}:${cause}`, runAt: now, payload: { teamId } }, now);
}

/**
 * Gives the oldest waiting ticket that some online member has room for to the agent the team's mode
 * picks, or returns null when nothing more can be assigned. One assignment per transaction, holding the
 * team (so two drains of it take turns) and then the picked agent (so a drain of another team they belong
 * to cannot fill the same last slot): the agent's load is recounted under that hold before the
 * compare-and-set, which is why two processes draining at once never exceed a capacity.
 */
export async function assignNextInTeam(deps: CoreDeps, teamId: number, presence: PresenceStatuses): Promise<Assignment | null> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const team = await tx.assignment.lockTeam(teamId);
    if (!team || team.mode === 'manual') return null;
    const backlog = await tx.assignment.listBacklog(teamId, BACKLOG_WINDOW);
    if (backlog.length === 0) return null;
    const candidates: AssignmentCandidate[] = (await tx.assignment.listCandidates(teamId)).map((member) => ({ ...member, status: presence.get(member.userId) ?? 'offline' }));
    for (const ticket of backlog) {
      const previous = await tx.assignment.findPreviousAgent(ticket.customerId, ticket.id);
      const pick = await pickUnderHold(tx, ticket, candidates, (current) =>
        pickAgent({ mode: team.mode, channel: ticket.channel, teamDefaultCapacity: team.defaultCapacity, candidates: current, previous }),
      );
      if (!pick) continue;
      // Under the team's hold only a person's own change can have taken the ticket or moved it on.
      const assigned = await tx.assignment.assignIfUnassigned(ticket.id, teamId, pick.userId, now);
      if (!assigned) continue;
      const assigneeName = candidates.find((candidate) => candidate.userId === pick.userId)!.name;
      const activity = await tx.activities.record({ ticketId: ticket.id, actorUserId: null, at: now, kind: 'assigned', data: { assigneeId: pick.userId, assigneeName, reason: pick.reason } });
      const view = (await tx.tickets.findView(ticket.id))!;
      emit({ type: 'ticket.updated', ticketId: ticket.id, customerId: ticket.customerId, payload: { ticket: view, changes: ['assigneeId'] } });
      emit({ type: 'ticket.activity', ticketId: ticket.id, customerId: ticket.customerId, payload: { activity } });
      return { ticketId: ticket.id, userId: pick.userId };
    }
    return null;
  });
}

/**
 * Picks, holds the picked agent, and recounts their load: when another team's drain gave them a ticket
 * since the candidates were read, the count is corrected and the pick made again (maybe someone else).
 */
async function pickUnderHold(
  tx: Repositories,
  ticket: BacklogTicket,
  candidates: AssignmentCandidate[],
  pick: (current: readonly AssignmentCandidate[]) => AssignmentPick | null,
): Promise<AssignmentPick | null> {
  for (;;) {
    const chosen = pick(candidates);
    if (!chosen) return null;
    await tx.assignment.lockAgent(chosen.userId);
    const open = await tx.assignment.countOpen(chosen.userId, ticket.channel);
    const candidate = candidates.find((c) => c.userId === chosen.userId)!;
    if (open === (candidate.open[ticket.channel] ?? 0)) return chosen;
    candidate.open = { ...candidate.open, [ticket.channel]: open };
  }
}

/** Assigns the team's backlog until nobody online has room; returns how many tickets were given out. */
export async function drainTeamBacklog(deps: CoreDeps, teamId: number, presence: PresenceStatuses): Promise<number> {
  let assigned = 0;
  while (await assignNextInTeam(deps, teamId, presence)) assigned += 1;
  return assigned;
}
