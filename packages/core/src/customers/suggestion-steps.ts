import type { ChannelKind } from '../channels/channel.types.ts';
import type { TxContext } from '../ingest/tx-context.ts';
import type { NewCustomerSuggestion } from '../ports/customer-merges.port.ts';
import { addMilliseconds } from '../shared/instant.ts';
import { DEFAULT_REGION_SETTING, regionOf } from './identity-keys.rules.ts';
import { emailsIn, phonesIn, SAME_NAME_WINDOW_MS, sameName } from './suggestion.rules.ts';

export interface SuggestionSource {
  ticketId: number;
  customerId: number;
  messageId: number;
  body: string;
  channel: ChannelKind;
  /** The customer was created by this very message: only then is a name match news. */
  firstContact: boolean;
  customerName: string;
}

/**
 * Probable matches in what the customer just wrote (docs/customers.md §Suggestions): a phone or email
 * someone else is known by, or — on first contact — the same name seen on another channel within a
 * day. Each becomes a suggestion on the ticket for an agent to decide, never a merge.
 */
export async function suggestFromMessage(ctx: TxContext, source: SuggestionSource): Promise<void> {
  const { tx } = ctx;
  const base = { ticketId: source.ticketId, customerId: source.customerId };
  const phones = phonesIn(source.body, regionOf(await tx.settings.get(DEFAULT_REGION_SETTING)));
  for (const [reason, keys] of [
    ['phone_in_message', phones.map((phone) => ({ phone }))],
    ['email_in_message', emailsIn(source.body).map((email) => ({ email }))],
  ] as const) {
    for (const key of keys) {
      const owners = new Set((await tx.identities.listByKey(key, { verifiedOnly: false })).map((identity) => identity.customerId));
      for (const candidateId of owners) {
        await offer(ctx, { ...base, candidateId, reason, evidence: { value: 'phone' in key ? key.phone : key.email, messageId: source.messageId } });
      }
    }
  }
  if (!source.firstContact) return;
  for (const other of await tx.customers.listRecentByName(source.customerName, addMilliseconds(ctx.now, -SAME_NAME_WINDOW_MS))) {
    if (other.id === source.customerId || !sameName(other.name, source.customerName)) continue;
    const channels = (await tx.identities.listForCustomer(other.id)).map((identity) => identity.channel);
    if (channels.some((channel) => channel !== source.channel)) await offer(ctx, { ...base, candidateId: other.id, reason: 'same_name', evidence: { value: other.name } });
  }
}

/** The same order number confirmed on another customer's ticket. */
export async function suggestOnOrderNumber(ctx: TxContext, ticket: { id: number; customerId: number }, orderNumber: string): Promise<void> {
  for (const ticketId of await ctx.tx.facts.listTicketIdsWithValue('order_number', orderNumber)) {
    const other = await ctx.tx.tickets.findById(ticketId);
    if (other) await offer(ctx, { ticketId: ticket.id, customerId: ticket.customerId, candidateId: other.customerId, reason: 'order_number', evidence: { value: orderNumber } });
  }
}

/** One question per pair: a pair pending already, or rejected once, is not asked again (the unique index). */
async function offer(ctx: TxContext, input: NewCustomerSuggestion): Promise<void> {
  if (input.candidateId === input.customerId) return;
  const suggestion = await ctx.tx.customerSuggestions.insertIfAbsent(input, ctx.now);
  if (suggestion) ctx.emit({ type: 'suggestion.updated', ticketId: suggestion.ticketId, customerId: null, payload: { suggestion } });
}
