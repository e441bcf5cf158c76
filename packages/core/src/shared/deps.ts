import type { EventPublisher, NewDomainEvent, StoredEvent } from '../events/event.types.ts';
import type { Database, Repositories } from '../ports/repositories.ts';
import type { Clock } from './instant.ts';

/** What every use case receives: explicit, so tests pass real SQLite in memory and a fixed clock. */
export interface CoreDeps {
  db: Database;
  clock: Clock;
  events: EventPublisher;
}

export type Emit = (event: NewDomainEvent) => Promise<StoredEvent>;

/**
 * Runs `work` in one transaction and publishes the events it appended only after the commit, so no
 * listener ever sees a change that was rolled back.
 */
export async function commit<T>(deps: CoreDeps, work: (tx: Repositories, emit: Emit) => Promise<T>): Promise<T> {
  const appended: StoredEvent[] = [];
  const now = deps.clock.now();
  const result = await deps.db.transaction((tx) =>
    work(tx, async (event) => {
      const stored = await tx.events.append(event, now);
      appended.push(stored);
      return stored;
    }),
  );
  if (appended.length > 0) deps.events.publish(appended);
  return result;
}
