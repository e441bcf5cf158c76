import { purgeAuthLeftovers, type AuthDeps } from '@keluh/core';
import type { FastifyBaseLogger } from 'fastify';

/**
 * Deletes expired sessions and forgotten sign-in failure counts. Idempotent deletes by time, so several
 * processes sweeping at once do no harm and need no lease.
 */
export class SessionJanitor {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly auth: AuthDeps,
    private readonly log: FastifyBaseLogger,
    private readonly everyMs = 15 * 60 * 1000,
  ) {}

  start(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<{ sessions: number; loginFailures: number }> {
    try {
      const removed = await purgeAuthLeftovers(this.auth);
      if (removed.sessions + removed.loginFailures > 0) this.log.info(removed, 'expired sessions and old sign-in failures removed');
      return removed;
    } catch (error) {
      this.log.error({ err: error }, 'session sweep failed');
      return { sessions: 0, loginFailures: 0 };
    }
  }
}
