import type { Instant } from '../shared/instant.ts';
import type { Ticket } from './ticket.types.ts';

/** Days after a ticket's resolution in which the customer writing again reopens it (docs/customers.md §Threading). */
export const defaultReopenDays = 3;
export const maxReopenDays = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * True when a customer message written at `at` still belongs to the finished ticket. Measured from the
 * resolution (a ticket closed without one: from its last change), up to and including N days: a customer
 * who answers "thanks, one more thing" the next morning continues the same issue.
 */
export function reopensFinishedTicket(finished: Pick<Ticket, 'resolvedAt' | 'updatedAt'>, at: Instant, reopenDays: number): boolean {
  const since = finished.resolvedAt ?? finished.updatedAt;
  return Date.parse(at) - Date.parse(since) <= reopenDays * DAY_MS;
}

export function isValidReopenDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maxReopenDays;
}
