import type { Repositories } from '../ports/repositories.ts';
import type { Emit } from '../shared/deps.ts';
import type { Instant } from '../shared/instant.ts';
import type { TicketPatch } from '../ports/tickets.port.ts';
import { ticketPriorities, type Ticket } from '../tickets/ticket.types.ts';
import type { SlaEscalation } from './sla-policy.types.ts';
import type { SlaClock } from './sla.types.ts';
import { scheduleAssignmentDrain } from '../assignment/assignment.usecases.ts';

/**
 * A breached clock's escalation rules, run in the transaction whose compare-and-set recorded the breach, so
 * each rule fires exactly once per clock run whichever process or how many jobs got there. Each rule leaves
 * a `sla.escalated` activity on the timeline; supervisors hear it through that and the `sla.updated` event.
 */
export async function escalate(tx: Repositories, emit: Emit, ticket: Ticket, clock: SlaClock, rules: readonly SlaEscalation[], now: Instant): Promise<void> {
  let current = ticket;
  for (const action of rules) {
    const patch: TicketPatch = {};
    let data: Extract<Parameters<Repositories['activities']['record']>[0], { kind: 'sla.escalated' }>['data'] = { metric: clock.metric, action };
    if (action === 'raise_priority') {
      const next = ticketPriorities[ticketPriorities.indexOf(current.priority) + 1];
      if (!next) continue;
      patch.priority = next;
      data = { ...data, from: current.priority, to: next };
    }
    if (action === 'reassign') {
      // Unassigned, the ticket goes back to the team's queue, where the backlog drain hands it on.
      if (current.assigneeId === null) continue;
      patch.assigneeId = null;
      data = { ...data, previousAssigneeId: current.assigneeId };
    }
    const activity = await tx.activities.record({ ticketId: ticket.id, actorUserId: null, at: now, kind: 'sla.escalated', data });
    emit({ type: 'ticket.activity', ticketId: ticket.id, customerId: ticket.customerId, payload: { activity } });
    if (Object.keys(patch).length === 0) continue;
    current = await tx.tickets.update(ticket.id, patch, now);
    const view = await tx.tickets.findView(ticket.id);
    if (view) emit({ type: 'ticket.updated', ticketId: ticket.id, customerId: ticket.customerId, payload: { ticket: view, changes: Object.keys(patch) } });
    if (action === 'reassign' && current.teamId !== null) await scheduleAssignmentDrain(tx, current.teamId, `sla:${ticket.id}:${clock.metric}:${now}`, now);
  }
}
