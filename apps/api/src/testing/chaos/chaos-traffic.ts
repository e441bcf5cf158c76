import { reorder, wa, waBatch, waInbound, type WaBusiness, type WaCustomer, type WaPayload } from '@keluh/meta-sim';

/*
 * The inbound side of a chaos run, planned up front from a seed so a failing run replays identically:
 * customers, messages with unique wamids, and the POSTs Meta makes to carry them — batched (several
 * customers and messages per POST, §1.3), some sent twice (one after the other, or both at once, to
 * different processes), some messages carried again inside a later, differently cut batch, and all of
 * it in shuffled order (Meta guarantees no ordering, §2.5).
 */

export interface PlannedMessage {
  wamid: string;
  customer: number;
  body: string;
}

export interface PlannedDelivery {
  payload: WaPayload;
  /** The messages it carries (for the report). */
  wamids: string[];
  /** Meta's duplicate delivery of the same bytes (cases 10, 11); `concurrent` goes to another process. */
  duplicate: 'none' | 'sequential' | 'concurrent';
  /** Which process it is posted to (modulo the process count). */
  node: number;
}

export interface TrafficPlan {
  customers: WaCustomer[];
  messages: PlannedMessage[];
  deliveries: PlannedDelivery[];
}

export interface TrafficOptions {
  messages: number;
  customers: number;
  seed: number;
  /** The run's tag, in every id and text: two runs on one database never collide. */
  tag: string;
  business: WaBusiness;
}

/** A small deterministic generator (mulberry32), so the plan depends only on the seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function planTraffic(options: TrafficOptions): TrafficPlan {
  const next = random(options.seed);
  const pick = (n: number) => Math.floor(next() * n);
  const customers: WaCustomer[] = Array.from({ length: options.customers }, (_, index) => ({
    name: `Chaos ${options.tag} ${index}`,
    // Indonesian mobile numbers in Meta's form: country code, no plus.
    waId: `6281${String(index).padStart(9, '0')}`,
  }));
  const start = Date.now() - options.messages * 10;
  const messages: (PlannedMessage & { at: number })[] = Array.from({ length: options.messages }, (_, index) => ({
    wamid: `wamid.chaos.${options.tag}.${index}`,
    customer: pick(options.customers),
    body: `chaos ${options.tag} message ${index}`,
    at: start + index * 10,
  }));

  // Cut the messages into POSTs of 1–12 consecutive messages, so most batches carry several customers (§1.3).
  const deliveries: PlannedDelivery[] = [];
  const carry = (slice: (PlannedMessage & { at: number })[]) => {
    const byCustomer = new Map<number, (PlannedMessage & { at: number })[]>();
    for (const message of slice) byCustomer.set(message.customer, [...(byCustomer.get(message.customer) ?? []), message]);
    const payloads = [...byCustomer].map(([customer, items]) =>
      waInbound(options.business, customers[customer]!, items.map((item) => wa.text(item.body, { id: item.wamid, at: item.at }))),
    );
    const roll = next();
    deliveries.push({
      payload: payloads.length === 1 ? payloads[0]! : waBatch(payloads, { mergeEntries: next() < 0.5 }),
      wamids: slice.map((message) => message.wamid),
      duplicate: roll < 0.06 ? 'concurrent' : roll < 0.12 ? 'sequential' : 'none',
      node: pick(1_000),
    });
  };
  for (let index = 0; index < messages.length; ) {
    const size = next() < 0.6 ? 1 + pick(3) : 4 + pick(9);
    carry(messages.slice(index, index + size));
    index += size;
  }
  // A retried delivery may come cut differently: 5 % of the messages again, regrouped at random.
  const again = messages.filter(() => next() < 0.05);
  for (let index = 0; index < again.length; index += 4) carry(again.slice(index, index + 4));

  return {
    customers,
    messages: messages.map(({ at: _at, ...message }) => message),
    deliveries: reorder(deliveries, 'shuffled', options.seed),
  };
}
