import type { Repositories, WorkflowPatch } from '../ports/repositories.ts';
import { assertCaseExists } from '../resolutions/resolutions.usecases.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import type { User } from '../users/user.types.ts';
import { initialWorkflow, planTransition } from './stage-machine.rules.ts';
import { announceWorkflow, buildSnapshot, effectiveSettings, mustView } from './workflow-snapshot.ts';
import type { WorkflowSnapshot } from './workflow.types.ts';

type Actor = Pick<User, 'id' | 'name'>;

async function lockTicket(tx: Repositories, ticketId: number, version?: number): Promise<Ticket> {
  const ticket = await tx.tickets.lock(ticketId);
  if (!ticket) throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
  if (version !== undefined && version !== ticket.version) {
    throw new AppError('ticket.conflict', `Ticket ${ticketId} was changed by someone else; reload it`, { ticketId, currentVersion: ticket.version });
  }
  return ticket;
}

/**
 * The snapshot of a ticket. Reading stores nothing (GETs are pure): a ticket nobody has worked yet is
 * shown as the workflow `ensure` will store on its first change, stage 1 entered when it was opened.
 */
export async function getWorkflow(deps: CoreDeps, ticketId: number): Promise<WorkflowSnapshot> {
  const ticket = await deps.db.tickets.findById(ticketId);
  if (!ticket) throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
  const workflow = (await deps.db.workflows.find(ticketId)) ?? initialWorkflow(ticket);
  return buildSnapshot(deps.db, ticket, workflow, deps.clock.now());
}

export interface TransitionInput {
  ticketId: number;
  to: number;
  reason?: string | undefined;
  version?: number | undefined;
  actor: Actor;
}

export async function transitionStage(deps: CoreDeps, input: TransitionInput): Promise<WorkflowSnapshot> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const ticket = await lockTicket(tx, input.ticketId, input.version);
    const workflow = await tx.workflows.ensure(ticket.id, now);
    const before = await buildSnapshot(tx, ticket, workflow, now);
    const plan = planTransition(
      { stage: workflow.stage, complaint: workflow.complaint, ticketStatus: ticket.status, stageEnteredAt: workflow.stageEnteredAt },
      { to: input.to, reason: input.reason ?? null, now },
      before.evaluation,
    );
    if (plan instanceof AppError) throw plan;
    await tx.workflows.recordTransition({ ...plan, ticketId: ticket.id, byUserId: input.actor.id, at: now }, now);
    const moved = (await tx.workflows.find(ticket.id))!;
    const snapshot = await buildSnapshot(tx, ticket, moved, now);
    const view = await announceWorkflow(tx, emit, snapshot, ['stage']);
    // Ticket lists listen to ticket.updated: the stage badge moves there without knowing about workflows.
    emit({ type: 'ticket.updated', ticketId: view.id, customerId: view.customerId, payload: { ticket: view, changes: ['stage'] } });
    return snapshot;
  });
}

export type WorkflowChanges = WorkflowPatch;

/** Category, fault, root cause and its note, solution, linked past case. */
export async function updateWorkflow(deps: CoreDeps, ticketId: number, changes: WorkflowChanges): Promise<WorkflowSnapshot> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const ticket = await lockTicket(tx, ticketId);
    const current = await tx.workflows.ensure(ticket.id, now);
    if (changes.category != null && changes.category !== current.category) {
      const category = await tx.categories.find(changes.category);
      if (!category || category.archived) throw new AppError('category.not_found', `There is no category ${changes.category}`, { category: changes.category });
    }
    if (changes.linkedCaseId != null && changes.linkedCaseId !== current.linkedCaseId) {
      const past = await assertCaseExists(tx, changes.linkedCaseId);
      // The past case that applies brings its root cause along, unless the agent named one: "it happened
      // before, for this reason" is what linking it says. A cause no longer configured is left out.
      const known = (await effectiveSettings(tx)).rootCauses.map((cause) => cause.key);
      if (changes.rootCause === undefined && current.rootCause === null && past.rootCause && known.includes(past.rootCause)) changes = { ...changes, rootCause: past.rootCause };
    }
    if (changes.rootCause != null) {
      const known = (await effectiveSettings(tx)).rootCauses.map((cause) => cause.key);
      if (!known.includes(changes.rootCause)) {
        throw new AppError('validation.failed', `Unknown root cause ${changes.rootCause}`, { issues: [{ path: 'rootCause', message: `One of ${known.join(', ')}` }] });
      }
    }
    // Blank text clears a field rather than storing an empty answer that looks like one.
    const patch: WorkflowPatch = Object.fromEntries(
      Object.entries(changes)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, typeof value === 'string' && value.trim() === '' ? null : value]),
    );
    const changed = Object.keys(patch).filter((key) => patch[key as keyof WorkflowPatch] !== current[key as keyof WorkflowPatch]);
    if (changed.length === 0) return buildSnapshot(tx, ticket, current, now);
    const workflow = await tx.workflows.update(ticket.id, patch, now);
    const snapshot = await buildSnapshot(tx, ticket, workflow, now);
    await announceWorkflow(tx, emit, snapshot, changed);
    return snapshot;
  });
}

export interface ComplaintFlagInput {
  ticketId: number;
  complaint: boolean;
  reason?: string | undefined;
  actor: Actor;
}

/** "Not a complaint" freezes the machine (and keeps it off stuck lists); marking it again resumes where it stood. */
export async function setComplaintFlag(deps: CoreDeps, input: ComplaintFlagInput): Promise<WorkflowSnapshot> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const ticket = await lockTicket(tx, input.ticketId);
    const current = await tx.workflows.ensure(ticket.id, now);
    const reason = input.reason?.trim() ?? '';
    if (!input.complaint && !reason) throw new AppError('workflow.reason_required', 'Say why this is not a complaint');
    if (current.complaint === input.complaint) return buildSnapshot(tx, ticket, current, now);
    const workflow = await tx.workflows.setComplaint(ticket.id, input.complaint, input.complaint ? null : reason, now);
    const activity = await tx.activities.record(
      input.complaint
        ? { ticketId: ticket.id, actorUserId: input.actor.id, at: now, kind: 'complaint.marked', data: {} }
        : { ticketId: ticket.id, actorUserId: input.actor.id, at: now, kind: 'complaint.unmarked', data: { reason } },
    );
    const snapshot = await buildSnapshot(tx, ticket, workflow, now);
    const view = await mustView(tx, ticket.id);
    emit({ type: 'ticket.activity', ticketId: ticket.id, customerId: view.customerId, payload: { activity } });
    await announceWorkflow(tx, emit, snapshot, ['complaint']);
    return snapshot;
  });
}
