import type { TicketPromise, PromiseState } from '../promises/promise.types.ts';
import type { NewResolutionRecord, ResolutionRecord, SimilarCase, SimilarCaseQuery } from '../resolutions/resolution.types.ts';
import type { Instant } from '../shared/instant.ts';

/**
 * Guarantees: one record per ticket (`ticket_id` unique); `save` replaces it atomically and keeps the
 * search index in step in the same transaction, so a search never finds a record that does not exist or
 * misses one that does.
 */
export interface ResolutionRepository {
  save(record: NewResolutionRecord): Promise<ResolutionRecord>;
  findById(id: number): Promise<ResolutionRecord | null>;
  findByTicket(ticketId: number): Promise<ResolutionRecord | null>;
  /** Records the customer's rating on the record of their ticket (it may arrive after resolution). */
  setRating(ticketId: number, rating: number): Promise<void>;
  setPromiseKept(ticketId: number, kept: boolean | null): Promise<void>;
  /** How long the category's cases took, most recent first (due-time suggestion when few are similar). */
  listTimesToFix(category: string, limit: number): Promise<number[]>;
}

/**
 * Full-text ranking over resolution records (facts, customer text, root cause, solution): SQLite FTS5
 * with bm25, PostgreSQL tsvector with ts_rank. Terms are ORed; a record matching more and rarer terms
 * ranks higher; the same category ranks higher still.
 */
export interface SimilarCaseSearch {
  search(query: SimilarCaseQuery): Promise<SimilarCase[]>;
}

/**
 * Guarantees: at most one open promise per ticket (a partial unique index); settling is a compare-and-set
 * on state = 'open', so a promise is kept or broken once; reminders and overdue notices are marked with a
 * compare-and-set too, so two processes never both remind.
 */
export interface PromiseRepository {
  /** Null when the ticket already has an open promise. */
  createIfNoneOpen(input: { ticketId: number; text: string; dueAt: Instant; ownerUserId: number; createdBy: number }, now: Instant): Promise<TicketPromise | null>;
  findById(id: number): Promise<TicketPromise | null>;
  latestForTicket(ticketId: number): Promise<TicketPromise | null>;
  listForTicket(ticketId: number): Promise<TicketPromise[]>;
  /** Null when the promise was not open any more. */
  settle(id: number, state: Exclude<PromiseState, 'open'>, by: number | null, now: Instant): Promise<TicketPromise | null>;
  /** Marks the reminder sent; false when it already was (or the promise is no longer open). */
  markReminded(id: number, now: Instant): Promise<boolean>;
  markOverdue(id: number, now: Instant): Promise<boolean>;
}
