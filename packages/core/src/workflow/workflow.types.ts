import type { ComplaintCategory, TicketFact } from '../facts/fact.types.ts';
import type { TicketPromise } from '../promises/promise.types.ts';
import type { Review } from '../reviews/review.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { LocalizedText } from '../shared/localized.ts';
import type { WorkflowStage } from '../tickets/ticket.types.ts';
import type { Fault } from './stage.types.ts';

/** The workflow state of one ticket (1:1 with the ticket; the stage itself lives on the ticket row). */
export interface TicketWorkflow {
  ticketId: number;
  /** False once an agent marked the ticket "not a complaint" (with a reason); the stage machine then stands still. */
  complaint: boolean;
  notComplaintReason: string | null;
  stage: WorkflowStage;
  /** When the current stage was entered: time in stage, dwell and stuck nudges are measured from here. */
  stageEnteredAt: Instant;
  category: string | null;
  fault: Fault | null;
  /** Key of a root-cause category (WorkflowSettings.rootCauses). */
  rootCause: string | null;
  rootCauseNote: string | null;
  /** The solution in the business's own words (stage 4). */
  solution: string | null;
  /** The resolution record of a past case the agent said applies (stage 3). */
  linkedCaseId: number | null;
  /** Set when the assignee was nudged about this stage entry; a new stage entry makes it stale. */
  stuckNudgedAt: Instant | null;
  updatedAt: Instant;
}

/** What a stage requires before moving on; `fact:<key>` names one required fact of the category. */
export type ExitCriterion =
  | 'agent_reply_sent'
  | 'category_chosen'
  | `fact:${string}`
  | 'root_cause_set'
  | 'solution_set'
  | 'promise_made'
  | 'review_requested';

/** One recorded stage change. Every change is kept: who, when, from, to, why, and how long `from` lasted. */
export interface StageTransition {
  id: number;
  ticketId: number;
  fromStage: WorkflowStage;
  toStage: WorkflowStage;
  direction: 'forward' | 'back';
  /** Null for a change the system made. */
  byUserId: number | null;
  byName: string | null;
  /** Required going back, and going forward while exit criteria are unmet (an override). */
  reason: string | null;
  /** True when the agent moved forward past unmet criteria; `missing` says which. */
  override: boolean;
  /** The checklist state at the moment of the change: the criteria still unmet. */
  missing: ExitCriterion[];
  /** How long the ticket had been in `fromStage`. */
  dwellMs: number;
  at: Instant;
}

/** What core says the ticket may do next: the console renders this and never re-derives it. */
export interface StageEvaluation {
  stage: WorkflowStage;
  met: ExitCriterion[];
  missing: ExitCriterion[];
  /** True when the next stage may be entered without an override. */
  canAdvance: boolean;
  /** The stage an advance leads to; null at stage 5 or when the ticket is not a complaint. */
  next: WorkflowStage | null;
  /** Earlier stages reachable with a reason. */
  canGoBackTo: WorkflowStage[];
}

export interface RootCauseCategory {
  key: string;
  label: LocalizedText;
}

/** Admin-editable workflow settings (one document). */
export interface WorkflowSettings {
  /** How long a ticket may stay in each stage before its assignee is nudged, in minutes. */
  stageThresholdMinutes: Record<WorkflowStage, number>;
  rootCauses: RootCauseCategory[];
}

/** Everything a console needs to render the stage bar and the stage panels, in one read. */
export interface WorkflowSnapshot {
  workflow: TicketWorkflow;
  category: ComplaintCategory | null;
  facts: TicketFact[];
  transitions: StageTransition[];
  /** The newest promise of the ticket, whatever its state. */
  promise: TicketPromise | null;
  /** The newest review request of the ticket. */
  review: Review | null;
  evaluation: StageEvaluation;
  /** The threshold of the current stage, in ms, and whether the ticket is past it. */
  thresholdMs: number;
  stuck: boolean;
}

/** A ticket past its stage threshold, for supervisors. */
export interface StuckTicket {
  ticketId: number;
  subject: string;
  stage: WorkflowStage;
  stageEnteredAt: Instant;
  thresholdMs: number;
  assigneeId: number | null;
  assigneeName: string | null;
  nudgedAt: Instant | null;
}
