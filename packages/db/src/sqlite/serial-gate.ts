/**
 * SQLite has one writer. Our ports are async, so a transaction on the writer connection stays open across
 * awaits, and a second caller interleaving on the same connection would join it: its write silently rolled
 * back with someone else's work, or its BEGIN refused. The gate queues writers on a promise chain so one
 * runs at a time on the writer connection. Reads never pass through it: they use their own connection.
 *
 * Work inside a transaction uses the `tx` repositories it was handed, which skip the gate; calling the
 * top-level database (or `transaction`) from inside would wait for itself — the port forbids it.
 */
export class SerialGate {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything queued so far has finished. */
  async drain(): Promise<void> {
    await this.run(async () => undefined);
  }
}
