import { canSeeTicket, type TicketScope } from '../auth/ticket.policy.ts';
import type { Repositories } from '../ports/repositories.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { Ticket, TicketStatus } from './ticket.types.ts';
import type { TicketMove } from './ticket-move.types.ts';
import { assertTicketsMergeable, assertNotMerged, conversationOf, splitSelection } from './ticket-move.rules.ts';
import { isActive, subjectFrom } from './ticket.rules.ts';
import { announceMove, type TicketMoveResult } from './ticket-move.announce.ts';

export type { TicketMoveResult } from './ticket-move.announce.ts';

export interface MergeInput {
  ticketId: number;
  intoTicketId: number;
  actorUserId: number | null;
  /** The actor's scope: a target ticket they cannot see is "not found", like any ticket outside it. */
  scope?: TicketScope;
}

/** Every message of the source into the target (same customer only); the source closes, merged into the target. */
export async function mergeTickets(deps: CoreDeps, input: MergeInput): Promise<TicketMoveResult> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const [source, target] = await lockBoth(tx, input.ticketId, input.intoTicketId);
    if (input.scope && !canSeeTicket(input.scope, target)) throw notFound(target.id);
    assertTicketsMergeable(source, target);
    const [moving, staying] = await Promise.all([tx.messages.listForTicket(source.id), tx.messages.listForTicket(target.id)]);
    const messageIds = moving.map((message) => message.id);
    const move = await tx.ticketMoves.create({ kind: 'merge', sourceTicketId: source.id, targetTicketId: target.id, messageIds, sourceStatusBefore: source.status, actorUserId: input.actorUserId, createdAt: now });
    await tx.ticketMoves.moveMessages(messageIds, source.id, target.id);
    const closed = await tx.tickets.update(source.id, { status: 'closed', mergedIntoTicketId: target.id, resolvedAt: source.resolvedAt ?? now }, now);
    await tx.ticketMoves.setConversation(target.id, conversationOf(target, [...staying, ...moving], target.unreadCount + source.unreadCount), now);
    await tx.ticketMoves.setConversation(source.id, conversationOf(closed, [], 0), now);
    return announceMove(tx, emit, move, { undone: false, now });
  });
}

export interface SplitInput {
  ticketId: number;
  messageIds: readonly number[];
  actorUserId: number | null;
}

/**
 * The chosen messages into a new ticket of the same customer, in the source's team and with its agent.
 * One active ticket per customer: the new ticket opens only when the customer has no active one;
 * otherwise it starts resolved (an agent reopens it once the other is done).
 */
export async function splitTicket(deps: CoreDeps, input: SplitInput): Promise<TicketMoveResult> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const source = await tx.tickets.lock(input.ticketId);
    if (!source) throw notFound(input.ticketId);
    assertNotMerged(source);
    const messages = await tx.messages.listForTicket(source.id);
    const messageIds = splitSelection(source.id, messages, input.messageIds);
    const moving = messages.filter((message) => messageIds.includes(message.id));
    const first = moving[0]!;
    const activeElsewhere = isActive(source) || (await tx.tickets.findActiveForCustomer(source.customerId)) !== null;
    const draft = { customerId: source.customerId, subject: subjectFrom(first.body), channel: first.channel, teamId: source.teamId, priority: source.priority };
    // A delivery opening the customer's active ticket meanwhile makes the open insert a no-op: start resolved then.
    const created =
      (await tx.tickets.createActiveIfAbsent({ ...draft, status: activeElsewhere ? 'resolved' : 'open' }, now)) ??
      (await tx.tickets.createActiveIfAbsent({ ...draft, status: 'resolved' }, now))!;
    const split = await tx.tickets.update(created.id, { assigneeId: source.assigneeId, resolvedAt: created.status === 'resolved' ? now : null }, now);
    const move = await tx.ticketMoves.create({ kind: 'split', sourceTicketId: source.id, targetTicketId: split.id, messageIds, sourceStatusBefore: source.status, actorUserId: input.actorUserId, createdAt: now });
    await tx.ticketMoves.moveMessages(messageIds, source.id, split.id);
    const staying = messages.filter((message) => !messageIds.includes(message.id));
    await tx.ticketMoves.setConversation(source.id, conversationOf(source, staying, source.unreadCount), now);
    await tx.ticketMoves.setConversation(split.id, conversationOf(split, moving, source.unreadCount), now);
    return announceMove(tx, emit, move, { undone: false, now, created: true });
  });
}

/**
 * Puts a merge or split back exactly. A merge's messages return to the source, which takes its status
 * back; messages the customer wrote into the target since stay there. A split's ticket gives back every
 * message it holds (those moved, and any that arrived on it since) and closes, folded into the source.
 */
export async function undoTicketMove(deps: CoreDeps, input: { moveId: number; actorUserId: number | null }): Promise<TicketMoveResult> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const move = await tx.ticketMoves.findById(input.moveId);
    if (!move) throw new AppError('ticket_move.not_found', `Ticket move ${input.moveId} does not exist`, { moveId: input.moveId });
    if (move.undoneAt !== null) throw undoneAlready(move);
    const [source, target] = await lockBoth(tx, move.sourceTicketId, move.targetTicketId);
    if (move.kind === 'merge') await undoMerge(tx, move, source, target, now);
    else await undoSplit(tx, source, target, now);
    const undone = await tx.ticketMoves.markUndone(move.id, input.actorUserId, now);
    if (!undone) throw undoneAlready(move);
    return announceMove(tx, emit, undone, { undone: true, now });
  });
}

export function listTicketMoves(deps: CoreDeps, ticketId: number): Promise<TicketMove[]> {
  return deps.db.ticketMoves.listForTicket(ticketId);
}

/** The tickets this one may be merged into: the same customer's others, not merged away, that the actor sees. */
export async function mergeTargetsOf(deps: CoreDeps, ticketId: number, scope?: TicketScope): Promise<Ticket[]> {
  const ticket = await deps.db.tickets.findById(ticketId);
  if (!ticket) throw notFound(ticketId);
  const tickets = await deps.db.tickets.listForCustomer(ticket.customerId);
  return tickets.filter((other) => other.id !== ticket.id && other.mergedIntoTicketId === null && (!scope || canSeeTicket(scope, other))).reverse();
}

async function undoMerge(tx: Repositories, move: TicketMove, source: Ticket, target: Ticket, now: string): Promise<void> {
  // The target merged on elsewhere holds none of these messages any more: that merge is undone first.
  assertNotMerged(target);
  const back = move.messageIds;
  const restored = await tx.tickets.update(source.id, { status: move.sourceStatusBefore, mergedIntoTicketId: null, resolvedAt: finished(move.sourceStatusBefore) ? source.resolvedAt : null }, now);
  await tx.ticketMoves.moveMessages(back, target.id, source.id);
  const [returned, kept] = await Promise.all([tx.messages.listForTicket(source.id), tx.messages.listForTicket(target.id)]);
  await tx.ticketMoves.setConversation(source.id, conversationOf(restored, returned, target.unreadCount), now);
  await tx.ticketMoves.setConversation(target.id, conversationOf(target, kept, target.unreadCount), now);
}

async function undoSplit(tx: Repositories, source: Ticket, target: Ticket, now: string): Promise<void> {
  assertNotMerged(source);
  assertNotMerged(target);
  const back = (await tx.messages.listForTicket(target.id)).map((message) => message.id);
  const folded = await tx.tickets.update(target.id, { status: 'closed', mergedIntoTicketId: source.id, resolvedAt: target.resolvedAt ?? now }, now);
  await tx.ticketMoves.moveMessages(back, target.id, source.id);
  const all = await tx.messages.listForTicket(source.id);
  await tx.ticketMoves.setConversation(source.id, conversationOf(source, all, source.unreadCount + target.unreadCount), now);
  await tx.ticketMoves.setConversation(target.id, conversationOf(folded, [], 0), now);
}

/** Both tickets, locked in id order so two moves between the same pair cannot deadlock. */
async function lockBoth(tx: Repositories, sourceId: number, targetId: number): Promise<[Ticket, Ticket]> {
  const locked = new Map<number, Ticket>();
  for (const id of [...new Set([sourceId, targetId])].sort((a, b) => a - b)) {
    const ticket = await tx.tickets.lock(id);
    if (!ticket) throw notFound(id);
    locked.set(id, ticket);
  }
  return [locked.get(sourceId)!, locked.get(targetId)!];
}

const finished = (status: TicketStatus) => status === 'resolved' || status === 'closed';
const notFound = (id: number) => new AppError('ticket.not_found', `Ticket ${id} does not exist`, { ticketId: id });
const undoneAlready = (move: TicketMove) => new AppError('ticket.move_undone', `Ticket move ${move.id} was undone already`, { moveId: move.id });
