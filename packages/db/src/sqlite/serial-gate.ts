import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One better-sqlite3 connection has one transaction state. Drizzle's better-sqlite3 transactions are
 * synchronous and cannot await, but our ports are async, so a transaction stays open across awaits. Two
 * interleaved callers would then share it: the second BEGIN fails ("cannot start a transaction within a
 * transaction"), a plain write would silently join someone else's transaction and be rolled back with it,
 * and a plain read would see rows that are not committed yet.
 *
 * The gate queues callers on a promise chain so only one runs at a time. Work already running inside the
 * gate (a transaction calling a repository, or a nested transaction) is recognised through
 * AsyncLocalStorage and runs directly instead of waiting for itself.
 */
export class SerialGate {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly scope = new AsyncLocalStorage<true>();

  get inside(): boolean {
    return this.scope.getStore() === true;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.inside) return task();
    const result = this.tail.then(() => this.scope.run(true, task));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything queued so far has finished. */
  async drain(): Promise<void> {
    await this.run(async () => undefined);
  }
}
