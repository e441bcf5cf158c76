import { suggestCharacteristic, mentionsCharacteristicCue } from '../customers/characteristic.rules.ts';
import { detectLanguage, isConfident } from '../customers/language-detect.rules.ts';
import type { Customer } from '../customers/customer.types.ts';
import type { Message } from '../messages/message.types.ts';
import type { TxContext } from './tx-context.ts';

/**
 * What one customer message teaches us about the customer, in the ingest transaction: the language they
 * write in (only on a confident reading, so "ok" or "thanks" never flips it) and a suggested characteristic
 * (only while no agent chose one; the repository's update re-checks that in its WHERE clause).
 * Returns the customer when either changed, so the caller announces it.
 */
export async function learnFromMessage(ctx: TxContext, customerId: number, message: Message, ticketCreated: boolean): Promise<Customer | null> {
  if (message.direction !== 'in' || message.body.trim() === '') return null;
  const { tx, now } = ctx;
  const guess = detectLanguage(message.body);
  // Most messages teach nothing (no confident language, no cue, no new ticket): then the customer is not even read.
  const mayTeach = isConfident(guess) || ticketCreated || mentionsCharacteristicCue(message.body);
  if (!mayTeach) return null;
  const customer = await tx.customers.findById(customerId);
  if (!customer) return null;
  let changed: Customer | null = null;
  if (isConfident(guess) && guess.language !== customer.language) changed = await tx.customers.update(customerId, { language: guess.language }, now);
  // History changes when a ticket opens; wording can change a suggestion any time. Anything else is skipped cheaply.
  if (customer.characteristicSource === 'suggested' && (ticketCreated || mentionsCharacteristicCue(message.body))) {
    const suggestion = suggestCharacteristic(await historyOf(ctx, customerId, message.body));
    const current = changed ?? customer;
    if (suggestion && (suggestion.characteristic !== current.characteristic || JSON.stringify(suggestion.reason) !== JSON.stringify(current.characteristicReason))) {
      changed = (await tx.customers.suggestCharacteristic(customerId, suggestion.characteristic, suggestion.reason, now)) ?? changed;
    }
  }
  return changed;
}

async function historyOf({ tx }: TxContext, customerId: number, text: string) {
  const tickets = await tx.tickets.listForCustomer(customerId);
  const orders: { at: string; amount: number | null }[] = [];
  for (const ticket of tickets) {
    const facts = await tx.facts.listForTicket(ticket.id);
    const order = facts.find((fact) => fact.key === 'order_number');
    if (!order) continue;
    const amount = Number(facts.find((fact) => fact.key === 'amount')?.value);
    orders.push({ at: order.confirmedAt, amount: Number.isFinite(amount) && amount > 0 ? amount : null });
  }
  return { ticketOpenedAt: tickets.map((ticket) => ticket.createdAt), orders, texts: [text] };
}
