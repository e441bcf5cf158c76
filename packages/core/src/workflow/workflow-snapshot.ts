import type { Emit } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { Instant } from '../shared/instant.ts';
import type { Repositories } from '../ports/repositories.ts';
import type { Ticket, TicketView } from '../tickets/ticket.types.ts';
import { defaultWorkflowSettings } from './stage-definitions.ts';
import { evaluateStage, isActiveStatus, isStuck, thresholdsMs } from './stage-machine.rules.ts';
import { readWorkflowSidecars } from './workflow-sidecars.ts';
import type { TicketWorkflow, WorkflowSettings, WorkflowSnapshot } from './workflow.types.ts';

export async function effectiveSettings(repos: Repositories): Promise<WorkflowSettings> {
  return (await repos.workflowSettings.get()) ?? defaultWorkflowSettings;
}

/**
 * Stage 1 counts any agent reply ever (the greeting may come before anyone thought of stages); later
 * stages count replies since they were entered.
 */
function repliedSince(workflow: TicketWorkflow, latestReplyAt: Instant | null): boolean {
  if (latestReplyAt === null) return false;
  return workflow.stage === 1 || latestReplyAt >= workflow.stageEnteredAt;
}

/** Everything the stage bar and panels show, read through `repos` (the transaction's, when inside one). */
export async function buildSnapshot(repos: Repositories, ticket: Pick<Ticket, 'id' | 'status'>, workflow: TicketWorkflow, now: Instant): Promise<WorkflowSnapshot> {
  // One read after another: inside a transaction they share one PostgreSQL client, which queues concurrent
  // queries anyway (and pg 9 will refuse them).
  const category = workflow.category ? await repos.categories.find(workflow.category) : null;
  const facts = await repos.facts.listForTicket(ticket.id);
  const transitions = await repos.workflows.listTransitions(ticket.id);
  const sidecars = await readWorkflowSidecars(repos, ticket.id);
  const latestReplyAt = await repos.messages.latestAgentReplyAt(ticket.id);
  const settings = await effectiveSettings(repos);
  const evaluation = evaluateStage({
    stage: workflow.stage,
    complaint: workflow.complaint,
    ticketStatus: ticket.status,
    agentRepliedSinceEntered: repliedSince(workflow, latestReplyAt),
    category,
    facts,
    rootCause: workflow.rootCause,
    solution: workflow.solution,
    promise: sidecars.promise,
    review: sidecars.review,
  });
  const thresholdMs = thresholdsMs(settings)[workflow.stage];
  const stuck = workflow.complaint && isActiveStatus(ticket.status) && isStuck(workflow.stageEnteredAt, thresholdMs, now);
  return { workflow, category, facts, transitions, promise: sidecars.promise, review: sidecars.review, evaluation, thresholdMs, stuck };
}

export async function mustView(repos: Repositories, ticketId: number): Promise<TicketView> {
  const view = await repos.tickets.findView(ticketId);
  if (!view) throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
  return view;
}

/** Announces a workflow change with the full snapshot and ticket view: consoles replace their copy. */
export async function announceWorkflow(tx: Repositories, emit: Emit, snapshot: WorkflowSnapshot, changes: string[]): Promise<TicketView> {
  const ticket = await mustView(tx, snapshot.workflow.ticketId);
  emit({ type: 'workflow.updated', ticketId: ticket.id, customerId: ticket.customerId, payload: { workflow: snapshot, ticket, changes } });
  return ticket;
}
