import { runDueJobs, type CoreDeps, type JobHandlers, type StoredEvent } from '@keluh/core';
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../realtime/event-bus.ts';
import { DrainLoop } from './drain-loop.ts';

/**
 * Runs the background jobs this process has handlers for. Jobs are rows claimed with a lease, never
 * in-memory timers, so a job scheduled by any process, or left by one that died, is run once by someone.
 * A committed photo kicks it, so the download starts at once rather than at the next poll.
 */
export class JobRunner {
  private readonly loop: DrainLoop;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly deps: CoreDeps,
    private readonly handlers: JobHandlers,
    private readonly bus: EventBus,
    private readonly log: FastifyBaseLogger,
    private readonly owner: string,
    pollMs = 1_000,
  ) {
    this.loop = new DrainLoop(() => this.drain(), pollMs);
  }

  start(): void {
    // Only what a person waits to see: a photo being fetched. Everything else is found by the poll; a
    // claim query per ingested message would cost more than the jobs it finds.
    this.unsubscribe = this.bus.subscribe((event: StoredEvent) => {
      if (event.type === 'message.created' && event.payload.message.attachments.some((attachment) => attachment.state === 'pending')) this.kick();
    });
    this.loop.start();
  }

  kick(): void {
    this.loop.kick();
  }

  settled(): Promise<void> {
    return this.loop.settled();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.loop.stop();
  }

  private async drain(): Promise<void> {
    try {
      // Until a claim comes back short: a burst of photos is worked through without waiting for the timer.
      for (;;) {
        const report = await runDueJobs(this.deps, this.handlers, { owner: this.owner, limit: 10 });
        if (report.failed > 0) this.log.warn({ report }, 'background jobs failed');
        if (report.ran < 10) return;
      }
    } catch (error) {
      this.log.error({ err: error }, 'background jobs could not run');
    }
  }
}
