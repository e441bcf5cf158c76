import { recordAudit } from '../audit/audit.rules.ts';
import type { Repositories } from '../ports/repositories.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { User } from '../users/user.types.ts';
import { announceWorkflow, buildSnapshot } from '../workflow/workflow-snapshot.ts';
import type { WorkflowSnapshot } from '../workflow/workflow.types.ts';
import { defaultCategories } from './default-categories.ts';
import { suggestOnOrderNumber } from '../customers/suggestion-steps.ts';
import { validateFactKey } from './fact.rules.ts';
import type { ComplaintCategory } from './fact.types.ts';

const ORDER_NUMBER_FACT = 'order_number';

async function lockedWithCategory(tx: Repositories, ticketId: number, now: string) {
  const ticket = await tx.tickets.lock(ticketId);
  if (!ticket) throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
  const workflow = await tx.workflows.ensure(ticketId, now);
  const category = workflow.category ? await tx.categories.find(workflow.category) : null;
  return { ticket, workflow, category };
}

export interface SetFactInput {
  ticketId: number;
  key: string;
  value: string;
  /** The customer message a proposal came from; it must be on this ticket. */
  sourceMessageId?: number | undefined;
  actor: Pick<User, 'id'>;
}

/** Confirms one fact of the ticket's category (typed, or accepted from a proposal). */
export async function setTicketFact(deps: CoreDeps, input: SetFactInput): Promise<WorkflowSnapshot> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const { ticket, workflow, category } = await lockedWithCategory(tx, input.ticketId, now);
    validateFactKey(category, input.key);
    if (input.sourceMessageId !== undefined) {
      const message = await tx.messages.findById(input.sourceMessageId);
      if (!message || message.ticketId !== ticket.id) throw new AppError('message.not_found', `Message ${input.sourceMessageId} is not on ticket ${ticket.id}`);
    }
    await tx.facts.upsert({
      ticketId: ticket.id,
      key: input.key,
      value: input.value.trim(),
      source: input.sourceMessageId === undefined ? 'agent' : 'detected',
      sourceMessageId: input.sourceMessageId ?? null,
      confirmedBy: input.actor.id,
      confirmedAt: now,
    });
    // The same order number on another customer's ticket: perhaps the same person (docs/customers.md).
    if (input.key === ORDER_NUMBER_FACT) await suggestOnOrderNumber({ tx, emit, now }, ticket, input.value.trim());
    const snapshot = await buildSnapshot(tx, ticket, workflow, now);
    await announceWorkflow(tx, emit, snapshot, [`fact:${input.key}`]);
    return snapshot;
  });
}

export async function removeTicketFact(deps: CoreDeps, ticketId: number, key: string): Promise<WorkflowSnapshot> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const { ticket, workflow } = await lockedWithCategory(tx, ticketId, now);
    // Any recorded key may go, even one the category no longer defines after an admin edited it.
    if (!(await tx.facts.remove(ticket.id, key))) throw new AppError('fact.unknown', `Ticket ${ticketId} has no fact ${key}`, { key });
    const snapshot = await buildSnapshot(tx, ticket, workflow, now);
    await announceWorkflow(tx, emit, snapshot, [`fact:${key}`]);
    return snapshot;
  });
}

export function listCategories(deps: CoreDeps): Promise<ComplaintCategory[]> {
  return deps.db.categories.list();
}

/** Audited as a settings change in the same transaction; `actorUserId` is the admin (null for the system). */
export async function saveCategory(deps: CoreDeps, category: Omit<ComplaintCategory, 'updatedAt'>, actorUserId: number | null = null): Promise<ComplaintCategory> {
  const now = deps.clock.now();
  return commit(deps, async (tx) => {
    const saved = await tx.categories.save(category, now);
    await recordAudit(tx, { action: 'settings.changed', actorUserId, target: `category:${category.key}`, data: { category } }, now);
    return saved;
  });
}

/** At start: the default categories on a fresh install (idempotent, and safe with several processes). */
export async function seedDefaultCategories(deps: CoreDeps): Promise<void> {
  await deps.db.categories.seedIfEmpty(defaultCategories, deps.clock.now());
}
