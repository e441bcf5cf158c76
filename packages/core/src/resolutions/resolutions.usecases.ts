import type { Repositories } from '../ports/repositories.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { Instant } from '../shared/instant.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import { readCaseInputs, type CaseInputs } from './resolution-inputs.ts';
import type { ResolutionRecord, SimilarCase, SimilarCaseQuery } from './resolution.types.ts';
import { resolutionRecordFor, similarCaseQuery } from './similar-case.rules.ts';

const promiseKeptOf = (inputs: CaseInputs): boolean | null => (inputs.promise?.state === 'kept' ? true : inputs.promise?.state === 'broken' ? false : null);

/**
 * Keeps what the complaint taught, inside the transaction that resolves (or closes) the ticket, so a
 * resolved complaint never lacks its record. Resolving again replaces it. Not for "not a complaint".
 */
export async function recordResolution(tx: Repositories, ticket: Ticket, resolvedAt: Instant): Promise<ResolutionRecord | null> {
  const inputs = await readCaseInputs(tx, ticket);
  if (!inputs.complaint) return null;
  return tx.resolutions.save(resolutionRecordFor({ ...inputs, promiseKept: promiseKeptOf(inputs), resolvedAt }));
}

export function caseQueryFor(inputs: CaseInputs, limit: number): SimilarCaseQuery {
  return similarCaseQuery({ ...inputs, excludeTicketId: inputs.ticket.id }, limit);
}

/** The case of a ticket as committed (outside a transaction); `ticket.not_found` when there is none. */
export async function readTicketCase(deps: CoreDeps, ticketId: number): Promise<CaseInputs> {
  const ticket = await deps.db.tickets.findById(ticketId);
  if (!ticket) throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
  return readCaseInputs(deps.db, ticket);
}

/** The past cases most like this ticket, best first, each with what fixed it and how long it took. */
export async function findSimilarCases(deps: CoreDeps, ticketId: number, limit: number): Promise<SimilarCase[]> {
  return deps.db.similarCases.search(caseQueryFor(await readTicketCase(deps, ticketId), limit));
}

/** Linking a past case (stage 3) must name one that exists: `case.not_found` otherwise. */
export async function assertCaseExists(repos: Pick<Repositories, 'resolutions'>, caseId: number): Promise<ResolutionRecord> {
  const record = await repos.resolutions.findById(caseId);
  if (!record) throw new AppError('case.not_found', `Past case ${caseId} does not exist`, { issues: [{ path: 'linkedCaseId', message: 'Unknown case' }] });
  return record;
}
