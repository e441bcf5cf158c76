import type { Repositories } from '../ports/repositories.ts';
import type { Emit } from '../shared/deps.ts';
import type { Instant } from '../shared/instant.ts';

/** What a handler needs inside the ingest transaction. */
export interface TxContext {
  tx: Repositories;
  emit: Emit;
  now: Instant;
}
