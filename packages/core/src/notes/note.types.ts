import type { Instant } from '../shared/instant.ts';
import type { TicketPriority, WorkflowStage } from '../tickets/ticket.types.ts';
import type { SlaMetric } from '../sla/sla.types.ts';
import type { SlaEscalation } from '../sla/sla-policy.types.ts';
import type { AssignmentReason } from '../assignment/assignment.types.ts';

/** An internal note on the timeline: staff only, never sent to the customer, never in the widget. */
export interface TicketNote {
  id: number;
  ticketId: number;
  authorUserId: number;
  authorName: string;
  body: string;
  /** The stage the ticket was in when the note was written. */
  stage: WorkflowStage;
  createdAt: Instant;
}

/** Something the system did to a ticket that the timeline shows, with the reason it did it. */
export type TicketActivity = {
  id: number;
  ticketId: number;
  actorUserId: number | null;
  at: Instant;
} & (
  | { kind: 'priority.raised'; data: { from: string; to: string; messageId: number; anger: number; urgency: number; cues: string[] } }
  | { kind: 'complaint.unmarked'; data: { reason: string } }
  | { kind: 'complaint.marked'; data: Record<string, never> }
  /** A breached clock's escalation rule fired (once per clock run): who was told, what priority, who it left. */
  | { kind: 'sla.escalated'; data: { metric: SlaMetric; action: SlaEscalation; from?: TicketPriority; to?: TicketPriority; previousAssigneeId?: number | null } }
  /** Automatic assignment (or a rule) gave the ticket to an agent, and why: "round robin, 2 of 5 open". */
  | { kind: 'assigned'; data: { assigneeId: number; assigneeName: string; reason: AssignmentReason } }
);
