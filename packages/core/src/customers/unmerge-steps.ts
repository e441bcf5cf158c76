import type { TxContext } from '../ingest/tx-context.ts';
import { AppError } from '../shared/errors.ts';
import { recomputeSla } from '../sla/sla-recompute.ts';
import { isActive, subjectFrom } from '../tickets/ticket.rules.ts';
import { refreshConversations } from '../tickets/ticket-conversation.ts';
import { announceMerge } from './merge-events.ts';
import { assertUndoable } from './merge.rules.ts';
import type { CustomerMerge } from './merge.types.ts';

/**
 * Undoes a merge exactly, in the caller's transaction: what moved goes back, and every message since
 * goes with the identity it came through. The merge row is marked undone first, in one conditional
 * statement, so of two undos racing only one moves anything.
 */
export async function unmergeInTx(ctx: TxContext, mergeId: number, actorUserId: number | null): Promise<CustomerMerge> {
  const { tx, now } = ctx;
  const found = await tx.customerMerges.findById(mergeId);
  if (!found) throw new AppError('customer.merge_not_found', `Merge ${mergeId} does not exist`, { mergeId });
  const { survivorId, mergedId, moved } = found;
  await tx.customers.lockMany([survivorId, mergedId]);
  // Read again under the locks: a concurrent undo or merge of the survivor committed while we waited.
  const merge = (await tx.customerMerges.findById(mergeId))!;
  assertUndoable(merge, await tx.customerMerges.listLaterActive(survivorId, merge.id));
  if (!(await tx.customerMerges.markUndone(merge.id, actorUserId, now))) throw new AppError('customer.merge_undone', `Merge ${mergeId} was undone already`, { mergeId });

  await tx.identities.moveToCustomer(moved.identityIds, mergedId);
  await tx.tickets.moveToCustomer(moved.ticketIds, mergedId, now);
  await tx.customers.setMergedInto(mergedId, null, now);
  const folded = moved.folded;
  if (folded) {
    // A returned ticket that became active while merged keeps the conversation; the folded one stays closed.
    const alreadyActive = await tx.tickets.findActiveForCustomer(mergedId);
    const status = isActive({ status: folded.statusBefore }) && alreadyActive ? 'closed' : folded.statusBefore;
    await tx.tickets.setMergedInto(folded.fromTicketId, { intoTicketId: null, status }, now);
  }

  const touched = new Set<number>([...moved.ticketIds, ...(folded ? [folded.intoTicketId] : [])]);
  // Every ticket either customer holds now: where messages may move from, and what they had unread together.
  const [survivorsOwn, returned] = await Promise.all([tx.tickets.listForCustomer(survivorId), tx.tickets.listForCustomer(mergedId)]);
  const unreadBefore = [...survivorsOwn, ...returned].reduce((unread, ticket) => unread + ticket.unreadCount, 0);
  // The folded messages go back whole, whoever wrote them (an agent's reply, a system note).
  if (folded) await tx.messages.moveToTicket(folded.messageIds, folded.fromTicketId);
  // Then each message since follows the identity it came through: theirs out of the survivor's tickets,
  // and the survivor's out of the returned ones (written while one of those was the survivor's active ticket).
  const survivorTickets = survivorsOwn.map((ticket) => ticket.id);
  const mergedTickets = returned.map((ticket) => ticket.id);
  const survivorIdentities = (await tx.identities.listForCustomer(survivorId)).map((identity) => identity.id);
  for (const [from, identityIds, customerId] of [
    [survivorTickets, moved.identityIds, mergedId],
    [mergedTickets, survivorIdentities, survivorId],
  ] as const) {
    const strays = await tx.messages.listByIdentities(from, identityIds);
    if (strays.length === 0) continue;
    const home = await activeTicketFor(ctx, customerId, strays[0]!.id);
    await tx.messages.moveToTicket(
      strays.map((stray) => stray.id),
      home,
    );
    for (const ticketId of [home, ...strays.map((stray) => stray.ticketId)]) touched.add(ticketId);
  }
  await refreshConversations(tx, touched, unreadBefore, now);
  for (const ticketId of touched) await recomputeSla(tx, ticketId, now, ctx.emit);
  const undone = (await tx.customerMerges.findById(merge.id))!;
  await announceMerge(ctx, 'customer.unmerged', undone, [...touched]);
  return undone;
}

/** The customer's active ticket, or one opened for messages that have nowhere else to go. */
async function activeTicketFor({ tx, now }: TxContext, customerId: number, firstMessageId: number): Promise<number> {
  const active = await tx.tickets.findActiveForCustomer(customerId);
  if (active) return active.id;
  const message = await tx.messages.findById(firstMessageId);
  const opened = await tx.tickets.createActiveIfAbsent({ customerId, subject: subjectFrom(message?.body ?? ''), channel: message?.channel ?? 'webchat' }, now);
  if (!opened) throw new Error(`Customer ${customerId} has an active ticket that cannot be read`);
  return opened.id;
}
