import type { Repositories } from '../ports/repositories.ts';
import type { TicketPromise } from '../promises/promise.types.ts';
import type { Ticket } from '../tickets/ticket.types.ts';

/** Everything stage 3 and 4 know about a ticket, for its resolution record and its similar-case query. */
export interface CaseInputs {
  ticket: Ticket;
  /** False when an agent marked the ticket "not a complaint": it leaves no resolution record. */
  complaint: boolean;
  category: string | null;
  /** Confirmed facts by key. */
  facts: Record<string, string>;
  rootCause: string | null;
  rootCauseNote: string | null;
  solution: string | null;
  /** The customer's own words on the ticket, oldest first (unsent and deleted messages left out). */
  customerTexts: string[];
  /** The newest promise, whatever its state. */
  promise: TicketPromise | null;
  /** The rating on the ticket's record, kept when the ticket is resolved again. */
  rating: number | null;
}

/**
 * The one place the resolution and similar-case use cases read a ticket's case from. Read through `tx`
 * inside a transaction, so the record saved at resolution is the ticket as it stands in that commit. A
 * ticket nobody has worked through the stages has no stored workflow: it is a complaint with nothing
 * mapped yet (the workflow's unstored default).
 */
export async function readCaseInputs(repos: Pick<Repositories, 'messages' | 'promises' | 'resolutions' | 'workflows' | 'facts'>, ticket: Ticket): Promise<CaseInputs> {
  // Sequential on purpose: inside a transaction these share one PostgreSQL client, which runs one query at a time.
  const messages = await repos.messages.listForTicket(ticket.id);
  const promise = await repos.promises.latestForTicket(ticket.id);
  const record = await repos.resolutions.findByTicket(ticket.id);
  const workflow = await repos.workflows.find(ticket.id);
  const facts = await repos.facts.listForTicket(ticket.id);
  const customerTexts = messages.filter((message) => message.direction === 'in' && message.deletedAt === null && message.body.trim() !== '').map((message) => message.body);
  return {
    ticket,
    complaint: workflow?.complaint ?? true,
    category: workflow?.category ?? null,
    facts: Object.fromEntries(facts.map((fact) => [fact.key, fact.value])),
    rootCause: workflow?.rootCause ?? null,
    rootCauseNote: workflow?.rootCauseNote ?? null,
    solution: workflow?.solution ?? null,
    customerTexts,
    promise,
    rating: record?.rating ?? null,
  };
}
