import type { Instant } from '../shared/instant.ts';
import type { CustomerCharacteristic } from './customer.types.ts';

/*
 * Suggests a customer's characteristic from their history (docs/customers.md §Profile). Each rule states
 * its reason, shown to the agent beside the suggestion; the first rule that holds wins, most specific
 * first, so durable history (growing, loyal) is not displaced by one message's wording:
 *
 *   growing   — three or more orders, each larger than the last, or coming at shorter and shorter intervals
 *   loyal     — repeat tickets (or orders) spanning two months or more
 *   thrifty   — talk of price, discount, promo, "diskon", "murah", "ongkir"
 *   impulsive — a decision to buy now, said with urgency ("langsung checkout", "buy it now")
 *   potential — asks about a product (stock, size, colour, price) without having ordered
 *   new       — the first ticket, and nothing above
 *
 * A suggestion never replaces a characteristic an agent chose (see suggestCharacteristicFor's caller).
 */

export const characteristicRules = ['growing_orders', 'repeat_over_months', 'price_talk', 'urgent_decision', 'asks_before_buying', 'first_ticket'] as const;
export type CharacteristicRule = (typeof characteristicRules)[number];

export interface CharacteristicReason {
  rule: CharacteristicRule;
  /** What the rule saw: the words that matched, or the counts and span it measured. */
  cues: string[];
}

export interface CharacteristicSuggestion {
  characteristic: CustomerCharacteristic;
  reason: CharacteristicReason;
}

export interface CustomerHistory {
  /** When each of the customer's tickets was opened, any order. */
  ticketOpenedAt: Instant[];
  /** Orders the workflow gathered (facts `order_number`, with `amount` when known), any order. */
  orders: { at: Instant; amount: number | null }[];
  /** What the customer wrote recently. */
  texts: string[];
}

const LOYAL_SPAN_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

const priceCues = /\b(harga|diskon|disc|discount|promo|promosi|murah|murahan|mahal|potongan|voucher|vocer|cashback|kupon|coupon|ongkir|gratis ongkir|free ongkir|nego|cheaper|cheap|price|sale|bisa kurang|kurangin)\b/gi;
const decisionCues = /\b(langsung|checkout|co|beli|ambil|order|pesan|buy|take it|i'll take)\b/gi;
const urgencyCues = /\b(sekarang|skrg|sekarang juga|hari ini|cepat|cepet|buruan|asap|now|right now|today|segera)\b/gi;
const productQuestionCues = /\b(ready|ready stock|stok|stock|ada warna|warna|ukuran|size|available|tersedia|bahannya|bahan|spesifikasi|spec|cocok)\b/gi;

export function suggestCharacteristic(history: CustomerHistory): CharacteristicSuggestion | null {
  const growth = growingOrders(history.orders);
  if (growth) return { characteristic: 'growing', reason: { rule: 'growing_orders', cues: growth } };
  const span = repeatSpanDays(history);
  if (span !== null && span >= LOYAL_SPAN_DAYS) return { characteristic: 'loyal', reason: { rule: 'repeat_over_months', cues: [`${history.ticketOpenedAt.length + history.orders.length}`, `${span}`] } };
  const text = history.texts.join('\n');
  const price = matches(text, priceCues);
  if (price.length > 0) return { characteristic: 'thrifty', reason: { rule: 'price_talk', cues: price } };
  const decision = matches(text, decisionCues);
  const urgency = matches(text, urgencyCues);
  if (decision.length > 0 && urgency.length > 0) return { characteristic: 'impulsive', reason: { rule: 'urgent_decision', cues: [...decision, ...urgency] } };
  const asks = matches(text, productQuestionCues);
  if (asks.length > 0 && history.orders.length === 0 && text.includes('?')) return { characteristic: 'potential', reason: { rule: 'asks_before_buying', cues: asks } };
  if (history.ticketOpenedAt.length <= 1) return { characteristic: 'new', reason: { rule: 'first_ticket', cues: [] } };
  return null;
}

/** Cheap pre-check for ingest: could this message change a suggestion at all? */
export function mentionsCharacteristicCue(text: string): boolean {
  return [priceCues, urgencyCues, productQuestionCues].some((cue) => matches(text, cue).length > 0);
}

function growingOrders(orders: CustomerHistory['orders']): string[] | null {
  if (orders.length < 3) return null;
  const sorted = [...orders].sort((a, b) => a.at.localeCompare(b.at));
  const amounts = sorted.map((order) => order.amount);
  if (amounts.every((amount): amount is number => amount !== null) && amounts.every((amount, i) => i === 0 || amount > amounts[i - 1]!)) {
    return amounts.map(String);
  }
  const gaps = sorted.slice(1).map((order, i) => Date.parse(order.at) - Date.parse(sorted[i]!.at));
  if (gaps.every((gap, i) => i === 0 || gap < gaps[i - 1]!)) return gaps.map((gap) => `${Math.round(gap / DAY_MS)}d`);
  return null;
}

/** Days between the first and the latest ticket or order, when there was more than one. */
function repeatSpanDays(history: CustomerHistory): number | null {
  const times = [...history.ticketOpenedAt, ...history.orders.map((order) => order.at)].map(Date.parse);
  if (history.ticketOpenedAt.length < 2 && history.orders.length < 2) return null;
  return Math.floor((Math.max(...times) - Math.min(...times)) / DAY_MS);
}

function matches(text: string, cues: RegExp): string[] {
  return [...new Set([...text.matchAll(cues)].map((match) => match[0].toLowerCase()))];
}
