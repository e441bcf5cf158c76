import type { ComplaintCategory, TicketFact } from '../facts/fact.types.ts';
import type { TicketActivity, TicketNote } from '../notes/note.types.ts';
import type { NewPhrase, Phrase } from '../phrases/phrase.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { WorkflowStage } from '../tickets/ticket.types.ts';
import type { Fault } from '../workflow/stage.types.ts';
import type { TicketScope } from '../auth/ticket.policy.ts';
import type { StageTransition, StuckTicket, TicketWorkflow, WorkflowSettings } from '../workflow/workflow.types.ts';

/** Workflow fields an agent edits; the stage moves only through `recordTransition`. */
export type WorkflowPatch = Partial<Pick<TicketWorkflow, 'category' | 'rootCause' | 'rootCauseNote' | 'solution' | 'linkedCaseId'>> & {
  fault?: Fault | null;
};

export type NewStageTransition = Omit<StageTransition, 'id' | 'byName'>;

/**
 * Guarantees:
 * - one workflow row per ticket; `ensure` is an atomic insert-if-absent, so two first readers never make two;
 * - the ticket's `stage` column and the workflow's stage move together in `recordTransition` (same
 *   transaction as the transition row), and the caller holds the ticket lock (tickets.lock) while it runs;
 * - `claimStuck` marks each stuck stage entry nudged at most once, whichever process scans.
 */
export interface WorkflowRepository {
  /** The ticket's workflow, created at stage 1 (entered at the ticket's creation) when it has none. */
  ensure(ticketId: number, now: Instant): Promise<TicketWorkflow>;
  find(ticketId: number): Promise<TicketWorkflow | null>;
  update(ticketId: number, patch: WorkflowPatch, now: Instant): Promise<TicketWorkflow>;
  setComplaint(ticketId: number, complaint: boolean, reason: string | null, now: Instant): Promise<TicketWorkflow>;
  /** Stores the transition, moves workflow and ticket to `toStage` (bumping the ticket's version) and resets the nudge. */
  recordTransition(transition: NewStageTransition, now: Instant): Promise<StageTransition>;
  listTransitions(ticketId: number): Promise<StageTransition[]>;
  /**
   * Complaint tickets, open or pending, in a stage for longer than its threshold and not yet nudged
   * for this stage entry: marks them nudged (one atomic update) and returns them. A ticket whose
   * workflow was never stored counts as stage 1 entered when it was opened; claiming it stores it.
   */
  claimStuck(thresholdMs: Record<WorkflowStage, number>, now: Instant, limit: number): Promise<StuckTicket[]>;
  /** The same tickets without marking anything, for the supervisors' list (nudged or not). */
  /** `scope` narrows to the tickets a supervisor sees (auth/ticket.policy.ts). */
  listStuck(thresholdMs: Record<WorkflowStage, number>, now: Instant, limit: number, scope?: TicketScope): Promise<StuckTicket[]>;
}

export interface FactRepository {
  /** Sets (or replaces) one fact of the ticket. */
  upsert(fact: TicketFact): Promise<TicketFact>;
  remove(ticketId: number, key: string): Promise<boolean>;
  listForTicket(ticketId: number): Promise<TicketFact[]>;
  /** Tickets holding this value for this fact (the same order number on two customers is a probable match). */
  listTicketIdsWithValue(key: string, value: string): Promise<number[]>;
}

export interface CategoryRepository {
  /** Every category, archived ones included, by position. */
  list(): Promise<ComplaintCategory[]>;
  find(key: string): Promise<ComplaintCategory | null>;
  /** Inserts or replaces by key. */
  save(category: Omit<ComplaintCategory, 'updatedAt'>, now: Instant): Promise<ComplaintCategory>;
  /** Seeds the defaults when there are none yet (first start); idempotent across processes. */
  seedIfEmpty(categories: readonly Omit<ComplaintCategory, 'updatedAt'>[], now: Instant): Promise<void>;
}

export interface PhraseQuery {
  stage?: WorkflowStage;
  language?: Phrase['language'];
}

export interface PhraseRepository {
  list(query: PhraseQuery): Promise<Phrase[]>;
  find(id: number): Promise<Phrase | null>;
  create(phrase: NewPhrase, now: Instant): Promise<Phrase>;
  update(id: number, phrase: NewPhrase, now: Instant): Promise<Phrase | null>;
  remove(id: number): Promise<boolean>;
  seedIfEmpty(phrases: readonly NewPhrase[], now: Instant): Promise<void>;
}

export interface WorkflowSettingsRepository {
  /** Null until an admin saved settings (the defaults apply). */
  get(): Promise<WorkflowSettings | null>;
  save(settings: WorkflowSettings, now: Instant): Promise<WorkflowSettings>;
}

export interface NoteRepository {
  create(note: Omit<TicketNote, 'id' | 'authorName'>): Promise<TicketNote>;
  listForTicket(ticketId: number): Promise<TicketNote[]>;
}

type NewActivity = TicketActivity extends infer A ? (A extends TicketActivity ? Omit<A, 'id'> : never) : never;

export interface TicketActivityRepository {
  record(activity: NewActivity): Promise<TicketActivity>;
  listForTicket(ticketId: number): Promise<TicketActivity[]>;
}
