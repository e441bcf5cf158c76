import { dispatchDueMessages, type AdapterRegistry, type CoreDeps, type StoredEvent } from '@keluh/core';
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../realtime/event-bus.ts';

/**
 * Drains the outbox: immediately when an agent reply is committed, and on a timer for retries whose
 * back-off has elapsed (and for rows left pending by a crash). One run at a time, so a message is
 * never handed to its channel twice by this process.
 */
export class OutboxWorker {
  private running = false;
  private rerun = false;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: CoreDeps,
    private readonly adapters: AdapterRegistry,
    private readonly bus: EventBus,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs = 2_000,
  ) {}

  start(): void {
    this.unsubscribe = this.bus.subscribe((event: StoredEvent) => {
      if (event.type === 'message.created' && event.payload.message.status === 'queued') this.kick();
    });
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  kick(): void {
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = true;
    this.idle = this.drain().finally(() => {
      this.running = false;
      if (this.rerun) {
        this.rerun = false;
        this.kick();
      }
    });
  }

  /** Resolves once no dispatch is running or queued (a kick followed by this = "the due items were handled"). */
  async settled(): Promise<void> {
    while (this.running) await this.idle;
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    this.rerun = false;
    await this.idle;
  }

  private async drain(): Promise<void> {
    // Deferred a tick so the request that enqueued the message answers before we start sending.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      const report = await dispatchDueMessages(this.deps, this.adapters);
      if (report.sent + report.retried + report.failed > 0) this.log.debug({ report }, 'outbox dispatched');
    } catch (error) {
      this.log.error({ err: error }, 'outbox dispatch failed');
    }
  }
}
