import type { TxContext } from '../ingest/tx-context.ts';
import { recomputeSla } from '../sla/sla-recompute.ts';
import { refreshConversations } from '../tickets/ticket-conversation.ts';
import { assertCustomersMergeable } from './merge.rules.ts';
import type { CustomerMerge, FoldedTicket, MergeEvidence, MergeReason } from './merge.types.ts';
import { announceMerge } from './merge-events.ts';

export interface MergeRequest {
  survivorId: number;
  mergedId: number;
  reason: MergeReason;
  evidence: MergeEvidence;
  actorUserId: number | null;
}

/**
 * Merges `mergedId` into `survivorId` in the caller's transaction (a person's merge, a confirmed
 * suggestion, or ingest's automatic join), under both customers' locks so two merges naming either
 * one run one after the other: the second sees the first's `merged_into_id` and is refused.
 */
export async function mergeInTx(ctx: TxContext, request: MergeRequest): Promise<CustomerMerge> {
  const { tx, now } = ctx;
  const { survivorId, mergedId } = request;
  assertCustomersMergeable(survivorId, mergedId, await tx.customers.lockMany(survivorId === mergedId ? [survivorId] : [survivorId, mergedId]));
  const [identities, tickets, survivorActive, mergedActive] = await Promise.all([
    tx.identities.listForCustomer(mergedId),
    tx.tickets.listForCustomer(mergedId),
    tx.tickets.findActiveForCustomer(survivorId),
    tx.tickets.findActiveForCustomer(mergedId),
  ]);
  let folded: FoldedTicket | null = null;
  let foldedUnread = 0;
  // One ticket per issue: the merged customer's active ticket closes into the survivor's before its
  // tickets move over, or the survivor would briefly hold two active tickets (the unique index refuses).
  if (survivorActive && mergedActive) {
    const messageIds = (await tx.messages.listForTicket(mergedActive.id)).map((message) => message.id);
    await tx.messages.moveToTicket(messageIds, survivorActive.id);
    await tx.tickets.setMergedInto(mergedActive.id, { intoTicketId: survivorActive.id, status: 'closed' }, now);
    folded = { fromTicketId: mergedActive.id, intoTicketId: survivorActive.id, messageIds, statusBefore: mergedActive.status };
    foldedUnread = survivorActive.unreadCount + mergedActive.unreadCount;
  }
  const ticketIds = tickets.map((ticket) => ticket.id);
  await tx.tickets.moveToCustomer(ticketIds, survivorId, now);
  await tx.identities.moveToCustomer(
    identities.map((identity) => identity.id),
    survivorId,
  );
  await tx.customers.setMergedInto(mergedId, survivorId, now);
  const merge = await tx.customerMerges.insert({ ...request, moved: { identityIds: identities.map((identity) => identity.id), ticketIds, folded } }, now);
  if (folded) {
    await refreshConversations(tx, [folded.fromTicketId, folded.intoTicketId], foldedUnread, now);
    for (const ticketId of [folded.fromTicketId, folded.intoTicketId]) await recomputeSla(tx, ticketId, now, ctx.emit);
  }
  const touched = [...ticketIds, ...(survivorActive ? [survivorActive.id] : [])];
  await announceMerge(ctx, 'customer.merged', merge, touched);
  return merge;
}
