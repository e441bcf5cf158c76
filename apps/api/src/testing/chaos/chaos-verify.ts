import type { Database, Message } from '@keluh/core';
import type { SentMessage } from '@keluh/meta-sim';
import type { ReplyAttempt } from './chaos-agents.ts';
import type { TrafficPlan } from './chaos-traffic.ts';

/*
 * What a chaos run must end with, read from the database the processes shared and from Meta's own log of
 * sends: every message Meta delivered stored exactly once (one row, one `message.created` in the event
 * log, one ticket per customer), and every reply the help desk stored sent exactly once — including the
 * ones whose POST a kill cut off — with nothing sent that was never stored and nothing left in the outbox.
 */

export interface Verification {
  inboundStored: number;
  repliesStored: number;
  repliesSent: number;
  problems: string[];
}

const MAX_LISTED = 8;

function note(problems: string[], what: string, items: string[]): void {
  if (items.length === 0) return;
  const shown = items.slice(0, MAX_LISTED).join(', ');
  problems.push(`${items.length} ${what}: ${shown}${items.length > MAX_LISTED ? ', …' : ''}`);
}

/** Every message of the run's customers, ticket by ticket, and how many tickets each customer has. */
async function storedMessages(db: Database, plan: TrafficPlan): Promise<{ messages: Message[]; ticketsPerCustomer: Map<number, number> }> {
  const messages: Message[] = [];
  const ticketsPerCustomer = new Map<number, number>();
  for (const [index, customer] of plan.customers.entries()) {
    const identity = await db.identities.findByExternalId('whatsapp', customer.waId!);
    if (!identity) continue;
    const tickets = await db.tickets.listForCustomer(identity.customerId);
    ticketsPerCustomer.set(index, tickets.length);
    for (const ticket of tickets) messages.push(...(await db.messages.listForTicket(ticket.id)));
  }
  return { messages, ticketsPerCustomer };
}

/** How many `message.created` events the log holds per message id. */
async function createdEvents(db: Database): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (let after = 0; ; ) {
    const page = await db.events.listAfter(after, { limit: 500 });
    if (page.length === 0) return counts;
    for (const event of page) {
      if (event.type === 'message.created') counts.set(event.payload.message.id, (counts.get(event.payload.message.id) ?? 0) + 1);
    }
    after = page.at(-1)!.id;
  }
}

/** `startedAt` (epoch ms) dates what the problems list, e.g. when each copy of a double send went out. */
export async function verifyChaos(db: Database, plan: TrafficPlan, replies: ReplyAttempt[], sent: readonly SentMessage[], startedAt: number): Promise<Verification> {
  const at = (send: SentMessage) => `${((send.acceptedAt - startedAt) / 1000).toFixed(1)} s`;
  const problems: string[] = [];
  const { messages, ticketsPerCustomer } = await storedMessages(db, plan);
  const events = await createdEvents(db);

  const inbound = new Map<string, Message[]>();
  for (const message of messages.filter((m) => m.direction === 'in')) inbound.set(message.externalId ?? '', [...(inbound.get(message.externalId ?? '') ?? []), message]);
  const planned = new Set(plan.messages.map((message) => message.wamid));
  note(problems, 'messages Meta delivered were not stored', plan.messages.filter((m) => !inbound.has(m.wamid)).map((m) => m.wamid));
  note(problems, 'messages were stored more than once', [...inbound].filter(([, rows]) => rows.length > 1).map(([wamid, rows]) => `${wamid} ×${rows.length}`));
  note(problems, 'stored messages were never sent by Meta', [...inbound.keys()].filter((wamid) => !planned.has(wamid)));
  const customersWithMessages = new Set(plan.messages.map((message) => message.customer));
  note(problems, 'customers do not have exactly one ticket', [...customersWithMessages].filter((c) => ticketsPerCustomer.get(c) !== 1).map((c) => `${plan.customers[c]!.waId} (${ticketsPerCustomer.get(c) ?? 0})`));

  const outbound = messages.filter((message) => message.direction === 'out' && message.authorKind === 'agent');
  const sendsByText = new Map<string, SentMessage[]>();
  for (const send of sent) sendsByText.set(send.text ?? '', [...(sendsByText.get(send.text ?? '') ?? []), send]);
  const storedIds = new Set(outbound.map((message) => message.id));
  const storedTexts = new Set(outbound.map((message) => message.body));
  note(problems, 'replies answered 201 are not stored', replies.filter((r) => r.outcome === 'queued' && !storedIds.has(r.messageId!)).map((r) => r.body));
  note(problems, 'replies were refused', replies.filter((r) => r.outcome === 'refused').map((r) => `${r.body} (${r.detail})`));
  note(problems, 'stored replies were never sent', outbound.filter((m) => !sendsByText.has(m.body)).map((m) => `#${m.id} ${m.status}`));
  note(
    problems,
    'stored replies were sent more than once',
    outbound.filter((m) => (sendsByText.get(m.body)?.length ?? 0) > 1).map((m) => `#${m.id} at ${sendsByText.get(m.body)!.map(at).join(' and ')}`),
  );
  note(problems, 'sends Meta received match no stored reply', [...sendsByText.keys()].filter((text) => !storedTexts.has(text)));
  note(
    problems,
    'stored replies do not carry the id Meta gave their send',
    outbound.filter((m) => sendsByText.get(m.body)?.length === 1 && m.externalId !== sendsByText.get(m.body)![0]!.id).map((m) => `#${m.id} ${m.externalId}`),
  );
  note(problems, 'stored replies did not end sent, delivered or read', outbound.filter((m) => !['sent', 'delivered', 'read'].includes(m.status)).map((m) => `#${m.id} ${m.status}`));

  note(problems, 'stored messages have no message.created event', messages.filter((m) => !events.has(m.id)).map((m) => `#${m.id}`));
  note(problems, 'stored messages have several message.created events', messages.filter((m) => (events.get(m.id) ?? 0) > 1).map((m) => `#${m.id} ×${events.get(m.id)}`));
  const pending = await db.outbox.listPending(MAX_LISTED);
  note(problems, 'outbox rows are still pending', pending.map((item) => `#${item.id} (message ${item.messageId}, ${item.attempts} attempts, lease ${item.leaseOwner ?? 'none'})`));

  return {
    inboundStored: inbound.size,
    repliesStored: outbound.length,
    repliesSent: outbound.filter((m) => sendsByText.get(m.body)?.length === 1).length,
    problems,
  };
}
