import { dispatchDueMessages, type AdapterRegistry, type CoreDeps, type StoredEvent } from '@keluh/core';
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../realtime/event-bus.ts';
import { DrainLoop } from '../workers/drain-loop.ts';

/** Sends per dispatch; the drain goes on while they come back full. */
const BATCH = 20;

/**
 * Drains the outbox: immediately when an agent reply is committed here, and on a timer for retries whose
 * back-off has elapsed, for replies queued by another process, and for rows whose owner died. Rows are
 * claimed with a lease (see dispatchDueMessages), so several processes never send one message twice.
 */
export class OutboxWorker {
  private readonly loop: DrainLoop;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly deps: CoreDeps,
    private readonly adapters: AdapterRegistry,
    private readonly bus: EventBus,
    private readonly log: FastifyBaseLogger,
    private readonly owner: string,
    private readonly options: { pollMs?: number; leaseMs?: number } = {},
  ) {
    this.loop = new DrainLoop(() => this.drain(), options.pollMs ?? 2_000);
  }

  start(): void {
    this.unsubscribe = this.bus.subscribe((event: StoredEvent) => {
      if (event.type === 'message.created' && event.payload.message.status === 'queued') this.kick();
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
      // Until a batch comes back short: a backlog (a burst of replies, a channel back from a pause, a
      // restart) goes out as fast as the channel takes it, not BATCH replies per poll.
      for (;;) {
        const report = await dispatchDueMessages(this.deps, this.adapters, { owner: this.owner, limit: BATCH, ...(this.options.leaseMs !== undefined && { leaseMs: this.options.leaseMs }) });
        const handled = report.sent + report.retried + report.failed + report.paused;
        if (handled > 0) this.log.debug({ report }, 'outbox dispatched');
        if (handled < BATCH) return;
      }
    } catch (error) {
      this.log.error({ err: error }, 'outbox dispatch failed');
    }
  }
}
