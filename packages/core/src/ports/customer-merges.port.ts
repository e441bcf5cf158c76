import type { CustomerMerge, CustomerSuggestion, MergeEvidence, MergeMoves, MergeReason, SuggestionReason } from '../customers/merge.types.ts';
import type { Instant } from '../shared/instant.ts';

export interface NewCustomerMerge {
  survivorId: number;
  mergedId: number;
  reason: MergeReason;
  evidence: MergeEvidence;
  actorUserId: number | null;
  moved: MergeMoves;
}

/** The log of merges: what each moved, and whether it was undone (docs/customers.md §Links). */
export interface CustomerMergeRepository {
  insert(input: NewCustomerMerge, now: Instant): Promise<CustomerMerge>;
  findById(id: number): Promise<CustomerMerge | null>;
  /** Merges the customer took part in, as survivor or as the one merged, newest first. */
  listForCustomer(customerId: number): Promise<CustomerMerge[]>;
  /** Merges not undone, made after `afterId`, that involve the customer either way: what blocks an exact undo. */
  listLaterActive(customerId: number, afterId: number): Promise<CustomerMerge[]>;
  /**
   * Marks the merge undone in one conditional statement: false when it already was (two undos racing —
   * only one may move anything back).
   */
  markUndone(id: number, userId: number | null, at: Instant): Promise<boolean>;
}

export interface NewCustomerSuggestion {
  ticketId: number;
  customerId: number;
  candidateId: number;
  reason: SuggestionReason;
  evidence: CustomerSuggestion['evidence'];
}

export interface CustomerSuggestionRepository {
  /**
   * Guarantee: one pending or rejected suggestion per pair of customers (either order), by a unique
   * constraint. Null when the pair is pending already or was rejected: a rejected pair is never asked again.
   */
  insertIfAbsent(input: NewCustomerSuggestion, now: Instant): Promise<CustomerSuggestion | null>;
  findById(id: number): Promise<CustomerSuggestion | null>;
  listPendingForTicket(ticketId: number): Promise<CustomerSuggestion[]>;
  /** Decides a pending suggestion in one conditional statement; null when it was decided already. */
  decide(id: number, state: 'confirmed' | 'rejected', userId: number, at: Instant): Promise<CustomerSuggestion | null>;
}
