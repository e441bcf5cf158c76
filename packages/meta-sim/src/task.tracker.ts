/**
 * Keeps every delayed webhook (statuses, echoes) on a leash: tests can `await sim.settle()` until
 * nothing is scheduled or in flight, and `sim.stop()` cancels what has not started yet, so no timer
 * outlives a test file.
 */
export class TaskTracker {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();

  /** Runs `task` after `ms`; errors are swallowed into `onError` — a webhook failure is data, not a crash. */
  later(ms: number, task: () => Promise<unknown>, onError: (error: unknown) => void = () => {}): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(task().catch(onError));
    }, ms);
    this.timers.add(timer);
  }

  track<T>(promise: Promise<T>): Promise<T> {
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise)).catch(() => {});
    return promise;
  }

  get idle(): boolean {
    return this.timers.size === 0 && this.running.size === 0;
  }

  /** Waits until every scheduled and running task is done (new tasks scheduled meanwhile included). */
  async settle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.idle) {
      if (Date.now() > deadline) throw new Error('meta-sim: tasks did not settle in time');
      await Promise.allSettled([...this.running]);
      if (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  cancel(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
