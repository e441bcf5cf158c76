import type { ComplaintCategory, TicketFact } from '../facts/fact.types.ts';
import type { TicketPromise } from '../promises/promise.types.ts';
import type { Review } from '../reviews/review.types.ts';
import { AppError } from '../shared/errors.ts';
import type { Instant } from '../shared/instant.ts';
import { activeTicketStatuses } from '../tickets/ticket.rules.ts';
import type { TicketStatus, WorkflowStage } from '../tickets/ticket.types.ts';
import { LAST_STAGE, isWorkflowStage, stageDefinition, stageDefinitions } from './stage-definitions.ts';
import type { ExitCriterion, StageEvaluation, StageTransition, TicketWorkflow, WorkflowSettings } from './workflow.types.ts';

/** Everything the machine looks at, as plain data: the use case gathers it, the console never re-derives it. */
export interface StageInputs {
  stage: WorkflowStage;
  complaint: boolean;
  ticketStatus: TicketStatus;
  /** An agent reply left on this ticket since the stage was entered (ever, for stage 1). */
  agentRepliedSinceEntered: boolean;
  category: Pick<ComplaintCategory, 'key' | 'facts'> | null;
  facts: readonly Pick<TicketFact, 'key'>[];
  rootCause: string | null;
  solution: string | null;
  promise: Pick<TicketPromise, 'state'> | null;
  review: Pick<Review, 'state'> | null;
}

export const isActiveStatus = (status: TicketStatus): boolean => (activeTicketStatuses as readonly TicketStatus[]).includes(status);

/** The criteria of `inputs.stage`, each with whether it holds. */
function criteriaOf(inputs: StageInputs): [ExitCriterion, boolean][] {
  switch (inputs.stage) {
    case 1:
      return [['agent_reply_sent', inputs.agentRepliedSinceEntered]];
    case 2: {
      if (!inputs.category) return [['category_chosen', false]];
      const confirmed = new Set(inputs.facts.map((fact) => fact.key));
      const facts = inputs.category.facts.filter((fact) => fact.required).map((fact): [ExitCriterion, boolean] => [`fact:${fact.key}`, confirmed.has(fact.key)]);
      return [['category_chosen', true], ...facts];
    }
    case 3:
      return [['root_cause_set', Boolean(inputs.rootCause)]];
    case 4:
      return [
        ['solution_set', Boolean(inputs.solution?.trim())],
        // A broken or cancelled promise is no promise: the customer is owed a new one.
        ['promise_made', inputs.promise !== null && (inputs.promise.state === 'open' || inputs.promise.state === 'kept')],
      ];
    case 5:
      return [['review_requested', inputs.review !== null]];
  }
}

export function evaluateStage(inputs: StageInputs): StageEvaluation {
  const criteria = criteriaOf(inputs);
  const met = criteria.filter(([, holds]) => holds).map(([criterion]) => criterion);
  const missing = criteria.filter(([, holds]) => !holds).map(([criterion]) => criterion);
  // A frozen machine (not a complaint) or a finished ticket offers no move at all.
  const movable = inputs.complaint && isActiveStatus(inputs.ticketStatus);
  const next = movable && inputs.stage < LAST_STAGE ? ((inputs.stage + 1) as WorkflowStage) : null;
  return {
    stage: inputs.stage,
    met,
    missing,
    canAdvance: next !== null && missing.length === 0,
    next,
    canGoBackTo: movable ? stageDefinitions.filter((definition) => definition.stage < inputs.stage).map((definition) => definition.stage) : [],
  };
}

export interface TransitionState {
  stage: WorkflowStage;
  complaint: boolean;
  ticketStatus: TicketStatus;
  stageEnteredAt: Instant;
}

export interface TransitionRequest {
  /** Unchecked: anything a client sent, so that 0, 6 or 2.5 are refused here with a code. */
  to: number;
  reason?: string | null;
  now: Instant;
}

export type PlannedTransition = Pick<StageTransition, 'fromStage' | 'toStage' | 'direction' | 'reason' | 'override' | 'missing' | 'dwellMs'>;

/** The transition to record, or the coded refusal (returned, not thrown, so tables of cases read plainly). */
export function planTransition(current: TransitionState, request: TransitionRequest, evaluation: StageEvaluation): PlannedTransition | AppError {
  const from = current.stage;
  const reason = request.reason?.trim() ? request.reason.trim() : null;
  if (!current.complaint) return new AppError('workflow.not_a_complaint', 'The ticket is marked "not a complaint"; mark it a complaint to move its stages');
  if (!isActiveStatus(current.ticketStatus)) return new AppError('workflow.ticket_inactive', `Stages move only on open or pending tickets; this one is ${current.ticketStatus}`);
  const to = request.to;
  if (!isWorkflowStage(to) || to === from || to > from + 1) {
    return new AppError('workflow.transition_refused', `A ticket in stage ${from} cannot move to stage ${to}`, { from, to });
  }
  const dwellMs = Math.max(0, Date.parse(request.now) - Date.parse(current.stageEnteredAt));
  if (to < from) {
    if (!reason) return new AppError('workflow.reason_required', 'Going back to an earlier stage needs a reason', { from, to });
    return { fromStage: from, toStage: to, direction: 'back', reason, override: false, missing: [...evaluation.missing], dwellMs };
  }
  const missing = [...evaluation.missing];
  if (missing.length > 0 && !reason) {
    return new AppError('workflow.exit_criteria_unmet', `Stage ${from} is not done yet: ${missing.join(', ')}`, { missing, from, to });
  }
  return { fromStage: from, toStage: to, direction: 'forward', reason, override: missing.length > 0, missing, dwellMs };
}

/** Strictly past the threshold: a ticket exactly at it is not stuck yet. */
export function isStuck(enteredAt: Instant, thresholdMs: number, now: Instant): boolean {
  return Date.parse(now) - Date.parse(enteredAt) > thresholdMs;
}

export function thresholdsMs(settings: WorkflowSettings): Record<WorkflowStage, number> {
  const minutes = (stage: WorkflowStage) => (settings.stageThresholdMinutes[stage] ?? stageDefinition(stage).defaultThresholdMinutes) * 60_000;
  return { 1: minutes(1), 2: minutes(2), 3: minutes(3), 4: minutes(4), 5: minutes(5) };
}

/** The workflow every ticket starts with: a complaint at stage 1, entered when the ticket was opened. */
export function initialWorkflow(ticket: { id: number; createdAt: Instant }): TicketWorkflow {
  return {
    ticketId: ticket.id,
    complaint: true,
    notComplaintReason: null,
    stage: 1,
    stageEnteredAt: ticket.createdAt,
    category: null,
    fault: null,
    rootCause: null,
    rootCauseNote: null,
    solution: null,
    linkedCaseId: null,
    stuckNudgedAt: null,
    updatedAt: ticket.createdAt,
  };
}
