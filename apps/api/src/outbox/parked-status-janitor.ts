import { addMilliseconds, type CoreDeps } from '@keluh/core';
import type { FastifyBaseLogger } from 'fastify';

/** A status that waited a day for its send never belonged to us (another app on the same account). */
export const PARKED_STATUS_TTL_MS = 24 * 60 * 60 * 1000;

/** Clears parked statuses nobody claimed, so they cannot pile up forever. */
export class ParkedStatusJanitor {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: CoreDeps,
    private readonly log: FastifyBaseLogger,
    private readonly everyMs = 60 * 60 * 1000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    try {
      const removed = await this.deps.db.parkedStatuses.purgeOlderThan(addMilliseconds(this.deps.clock.now(), -PARKED_STATUS_TTL_MS));
      if (removed > 0) this.log.info({ removed }, 'unclaimed channel statuses discarded');
      return removed;
    } catch (error) {
      this.log.error({ err: error }, 'parked status sweep failed');
      return 0;
    }
  }
}
