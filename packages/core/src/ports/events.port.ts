import type { NewDomainEvent, StoredEvent } from '../events/event.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { TicketScope } from '../auth/ticket.policy.ts';

/**
 * The event log clients replay from. Guarantee — commit order: once a reader has seen event N, no event
 * with an id below N can become visible later. "Everything after N" is therefore a complete answer, with
 * several writers and on databases whose sequences are not commit-ordered (PostgreSQL).
 */
export interface EventRepository {
  /**
   * Appends a transaction's events, in order, and gives them their positions. Called once per transaction,
   * as its last write (core's commit() does this), so whatever serialises positions is held only briefly.
   * Each event of a ticket is stored with the ticket's team and assignee as they stand in this
   * transaction: who may see it (sockets, replay) is decided on them.
   */
  appendAll(events: readonly NewDomainEvent[], now: Instant): Promise<StoredEvent[]>;
  /**
   * Events with id > afterId in id order; `customerId` narrows to one customer's events (widget replay),
   * `scope` to those a staff member may see (events without a ticket are for all staff).
   */
  listAfter(afterId: number, options: { limit: number; customerId?: number; scope?: TicketScope }): Promise<StoredEvent[]>;
  latestId(): Promise<number>;
}
