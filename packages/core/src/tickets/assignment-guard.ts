import { canBeAssigned, canReassign } from '../auth/ticket.policy.ts';
import type { Repositories } from '../ports/repositories.ts';
import { AppError } from '../shared/errors.ts';
import type { User } from '../users/user.types.ts';
import type { Ticket } from './ticket.types.ts';

/**
 * Refuses an assignment before anything is written: to an unknown user (`user.not_found`), one the actor
 * may not make (`auth.forbidden`, naming `tickets.reassign`), or to someone outside the ticket's team
 * (`assign.other_team`). Checked on the locked ticket, so the rule judges the assignee it replaces.
 */
export async function assertAssignment(tx: Repositories, ticket: Ticket, assigneeId: number | null, actor: Pick<User, 'id' | 'role'> | undefined): Promise<void> {
  if (assigneeId === ticket.assigneeId) return;
  const assignee = assigneeId === null ? null : await tx.users.findById(assigneeId);
  if (assigneeId !== null && !assignee) throw new AppError('user.not_found', `User ${assigneeId} does not exist`, { issues: [{ path: 'assigneeId', message: 'Unknown user' }] });
  if (actor && !canReassign(actor, ticket, assigneeId)) {
    throw new AppError('auth.forbidden', "Changing someone else's assignment needs the tickets.reassign permission", { permission: 'tickets.reassign' });
  }
  if (assignee && !canBeAssigned(assignee, ticket.teamId)) {
    throw new AppError('assign.other_team', `User ${assigneeId} is not a member of the ticket's team`, {
      teamId: ticket.teamId,
      issues: [{ path: 'assigneeId', message: "Not a member of the ticket's team" }],
    });
  }
}
