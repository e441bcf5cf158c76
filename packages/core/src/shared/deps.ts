import type { EventPublisher, NewDomainEvent, StoredEvent } from '../events/event.types.ts';
import type { Database, Repositories } from '../ports/repositories.ts';
import type { Clock } from './instant.ts';

/** What every use case receives: explicit, so tests pass a real database and a fixed clock. */
export interface CoreDeps {
  db: Database;
  clock: Clock;
  events: EventPublisher;
}

/** Records an event of the transaction in progress; it is written when the work is done and published after commit. */
export type Emit = (event: NewDomainEvent) => void;

/**
 * Runs `work` in one transaction and publishes its events only after the commit, so no listener ever sees
 * a change that was rolled back. The events are appended as the transaction's last write: the log's
 * positions are assigned in commit order (see EventRepository), and whatever serialises that assignment is
 * held only from there to the commit.
 */
export async function commit<T>(deps: CoreDeps, work: (tx: Repositories, emit: Emit) => Promise<T>): Promise<T> {
  let stored: StoredEvent[] = [];
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    // Fresh on every attempt: a retried transaction must not carry the events of the one rolled back.
    const pending: NewDomainEvent[] = [];
    const value = await work(tx, (event) => void pending.push(event));
    stored = pending.length > 0 ? await tx.events.appendAll(pending, now) : [];
    return value;
  });
  if (stored.length > 0) deps.events.publish(stored);
  return result;
}
