import type { Repositories } from '../ports/repositories.ts';
import type { Emit } from '../shared/deps.ts';
import type { Instant } from '../shared/instant.ts';

/** What a handler needs inside the ingest transaction. */
export interface TxContext {
  tx: Repositories;
  emit: Emit;
  now: Instant;
}

/**
 * A webhook batch's context. Its messages' response clocks are recomputed once per ticket when the batch
 * is done, not once per message: they all share the transaction's `now`, so the last computation is the
 * only one anybody could observe, and 1,000 messages from one customer must be answered within Meta's
 * few seconds (channels.md case 22).
 */
export interface IngestContext extends TxContext {
  clocksDue: Set<number>;
}
