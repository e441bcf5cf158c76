import type { Repositories } from '../ports/repositories.ts';
import { caseQueryFor, readTicketCase } from '../resolutions/resolutions.usecases.ts';
import { commit, type CoreDeps, type Emit } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { Instant } from '../shared/instant.ts';
import { assertDueInFuture, reminderAt, suggestDue } from './due-suggestion.rules.ts';
import type { DueSuggestion, PromiseState, TicketPromise } from './promise.types.ts';

/** How many past cases the due-time figures draw on: the closest similar ones, the category's newest. */
const SIMILAR_FOR_DUE = 20;
const CATEGORY_FOR_DUE = 50;

/** How long similar cases took (median, p80) and the realistic due time that follows. */
export async function suggestPromiseDue(deps: CoreDeps, ticketId: number): Promise<DueSuggestion> {
  const inputs = await readTicketCase(deps, ticketId);
  const similar = await deps.db.similarCases.search(caseQueryFor(inputs, SIMILAR_FOR_DUE));
  const categoryTimes = inputs.category ? await deps.db.resolutions.listTimesToFix(inputs.category, CATEGORY_FOR_DUE) : [];
  return suggestDue(
    similar.map((hit) => hit.record.timeToFixMs),
    categoryTimes,
    deps.clock.now(),
  );
}

export interface MakePromiseInput {
  ticketId: number;
  text: string;
  dueAt: Instant;
  /** Who keeps it; the agent making it when omitted. */
  ownerUserId?: number | undefined;
  byUserId: number;
}

export function emitPromise(emit: Emit, promise: TicketPromise, customerId: number, change: 'created' | 'reminder' | 'overdue' | PromiseState): void {
  if (change === 'open') return;
  emit({ type: 'promise.updated', ticketId: promise.ticketId, customerId, payload: { promise, change } });
}

/**
 * A promise with its reminder and overdue jobs, scheduled in the same transaction (keyed by the promise
 * id, so they exist once and survive restarts; no in-memory timer).
 */
export async function makePromise(deps: CoreDeps, input: MakePromiseInput): Promise<TicketPromise> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    assertDueInFuture(input.dueAt, now);
    const ticket = await tx.tickets.lock(input.ticketId);
    if (!ticket) throw new AppError('ticket.not_found', `Ticket ${input.ticketId} does not exist`);
    const ownerUserId = input.ownerUserId ?? input.byUserId;
    if (!(await tx.users.findById(ownerUserId))) {
      throw new AppError('user.not_found', `User ${ownerUserId} does not exist`, { issues: [{ path: 'ownerUserId', message: 'Unknown user' }] });
    }
    const dueAt = new Date(input.dueAt).toISOString();
    const promise = await tx.promises.createIfNoneOpen({ ticketId: ticket.id, text: input.text, dueAt, ownerUserId, createdBy: input.byUserId }, now);
    if (!promise) throw new AppError('promise.open_exists', `Ticket ${ticket.id} already has an open promise; keep or break it first`);
    await schedulePromiseJobs(tx, promise, now);
    emitPromise(emit, promise, ticket.customerId, 'created');
    return promise;
  });
}

async function schedulePromiseJobs(tx: Pick<Repositories, 'jobs'>, promise: TicketPromise, now: Instant): Promise<void> {
  const payload = { promiseId: promise.id };
  await tx.jobs.schedule({ kind: 'promise.reminder', key: String(promise.id), runAt: reminderAt(promise.createdAt, promise.dueAt), payload }, now);
  await tx.jobs.schedule({ kind: 'promise.overdue', key: String(promise.id), runAt: promise.dueAt, payload }, now);
}

/** Kept, broken or cancelled, once (`promise.settled` after); the resolution record learns the outcome. */
export async function settlePromise(deps: CoreDeps, input: { promiseId: number; state: Exclude<PromiseState, 'open'>; byUserId: number }): Promise<TicketPromise> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const current = await tx.promises.findById(input.promiseId);
    if (!current) throw new AppError('promise.not_found', `Promise ${input.promiseId} does not exist`);
    const settled = await tx.promises.settle(current.id, input.state, input.byUserId, now);
    if (!settled) throw new AppError('promise.settled', `Promise ${current.id} was already ${current.state}`, { state: current.state });
    // A cancelled promise was neither kept nor broken: it says nothing about the case.
    if (input.state !== 'cancelled') await tx.resolutions.setPromiseKept(settled.ticketId, input.state === 'kept');
    const ticket = await tx.tickets.findById(settled.ticketId);
    emitPromise(emit, settled, ticket!.customerId, input.state);
    return settled;
  });
}
