/**
 * Runs a drain function on demand and on a timer, one run at a time: a kick during a run schedules exactly
 * one more run after it, so bursts of kicks coalesce and nothing that arrived mid-run waits for the timer.
 */
export class DrainLoop {
  private running = false;
  private rerun = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly drain: () => Promise<void>,
    private readonly pollMs: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = true;
    // Deferred a tick so the request that caused the kick answers before the work starts.
    this.idle = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .finally(() => {
        this.running = false;
        if (this.rerun) {
          this.rerun = false;
          this.kick();
        }
      });
  }

  /** Resolves once no run is going or queued (a kick followed by this = "what was due has been handled"). */
  async settled(): Promise<void> {
    while (this.running) await this.idle;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.rerun = false;
    await this.idle;
  }
}
