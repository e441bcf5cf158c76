import type { Instant } from '../shared/instant.ts';

export const promiseStates = ['open', 'kept', 'broken', 'cancelled'] as const;
export type PromiseState = (typeof promiseStates)[number];

/** A promise made to the customer in stage 4: what, by when, who owns it, and whether it was kept. */
export interface TicketPromise {
  id: number;
  ticketId: number;
  text: string;
  dueAt: Instant;
  ownerUserId: number;
  ownerName: string;
  state: PromiseState;
  createdBy: number;
  createdAt: Instant;
  settledAt: Instant | null;
  settledBy: number | null;
  /** When the owner was reminded before the due time (once). */
  remindedAt: Instant | null;
  /** When the due time passed with the promise still open (the owner was told). */
  overdueAt: Instant | null;
}

/** A due time suggested from how long similar cases really took. */
export interface DueSuggestion {
  /** How many past cases the figures come from. */
  basedOn: number;
  /** 'similar' cases first; too few of them and the category's history; none and a default. */
  source: 'similar' | 'category' | 'default';
  medianMs: number | null;
  p80Ms: number | null;
  /** now + p80 (realistic rather than optimistic), rounded up to the next quarter hour. */
  suggestedDueAt: Instant;
}
