import type { FastifyBaseLogger } from 'fastify';
import { choosePresence, noteViewing, refreshPresence, type PresenceDeps, type PresenceStatus, type StaffPresence } from '@keluh/core';

export interface PresenceMonitorOptions {
  graceMs: number;
  sweepMs: number;
}

/** Activity reports closer together than this (per user, on this process) change nothing worth a recompute. */
const ACTIVITY_REFRESH_MS = 2_000;

/**
 * Turns what the sockets of this process see into effective presence (core's refreshPresence). A user
 * whose last socket here closed is held as connected for the grace period; only then is their status
 * worked out again, by which time a phone that came back (here or on another process) has a socket
 * again and nothing changes. The sweep catches what no socket event announces: idleness (away), and a
 * user gone from every process (their process died, or closed them elsewhere) for longer than the grace.
 */
export class PresenceMonitor {
  private readonly held = new Map<number, NodeJS.Timeout>();
  /**
   * Users the sweep found without any socket, since when (this process's clock), and the settled status
   * they had then: a status settled since (they came back, elsewhere, between two sweeps) starts the wait over.
   */
  private readonly goneSince = new Map<number, { at: number; settledSince: string }>();
  private readonly lastActivity = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: PresenceDeps,
    private readonly options: PresenceMonitorOptions,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.options.sweepMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    for (const timeout of this.held.values()) clearTimeout(timeout);
    this.held.clear();
  }

  async connected(userId: number): Promise<void> {
    this.release(userId);
    await this.deps.presence.connected(userId);
    // Opening the console is activity: a fresh socket never starts out idle.
    await this.deps.presence.active(userId, this.deps.clock.now());
    await this.refresh(userId);
  }

  async disconnected(userId: number): Promise<void> {
    await this.deps.presence.disconnected(userId);
    this.release(userId);
    const timeout = setTimeout(() => {
      this.held.delete(userId);
      void this.refresh(userId);
    }, this.options.graceMs);
    timeout.unref();
    this.held.set(userId, timeout);
  }

  async activity(userId: number): Promise<void> {
    await this.deps.presence.active(userId, this.deps.clock.now());
    const last = this.lastActivity.get(userId) ?? 0;
    if (Date.now() - last < ACTIVITY_REFRESH_MS) return;
    this.lastActivity.set(userId, Date.now());
    await this.refresh(userId);
  }

  /** The ticket the user has open here (null: none); announced when it changed, never thrown. */
  async viewing(userId: number, ticketId: number | null): Promise<void> {
    try {
      await noteViewing(this.deps, userId, ticketId);
    } catch (error) {
      this.log.warn({ err: error, userId }, 'current ticket not announced');
    }
  }

  choose(userId: number, choice: PresenceStatus): Promise<StaffPresence> {
    return choosePresence(this.deps, userId, choice, { graceHeld: this.held.has(userId) });
  }

  async sweep(): Promise<void> {
    try {
      const [connections, settled] = await Promise.all([this.deps.presence.list(), this.deps.db.presenceChoices.listSettled()]);
      const connected = new Set(connections.map((entry) => entry.userId));
      for (const userId of connected) {
        this.goneSince.delete(userId);
        await this.refresh(userId);
      }
      const now = Date.now();
      for (const { userId, status, since } of settled) {
        if (status === 'offline' || connected.has(userId) || this.held.has(userId)) {
          this.goneSince.delete(userId);
          continue;
        }
        const seen = this.goneSince.get(userId);
        const gone = seen && seen.settledSince === since ? seen : { at: now, settledSince: since };
        this.goneSince.set(userId, gone);
        if (now - gone.at >= this.options.graceMs) await this.refresh(userId);
      }
    } catch (error) {
      this.log.warn({ err: error }, 'presence sweep failed; the next one retries');
    }
  }

  private release(userId: number): void {
    const timeout = this.held.get(userId);
    if (timeout) clearTimeout(timeout);
    this.held.delete(userId);
  }

  private async refresh(userId: number): Promise<void> {
    try {
      await refreshPresence(this.deps, userId, { graceHeld: this.held.has(userId) });
    } catch (error) {
      this.log.warn({ err: error, userId }, 'presence not refreshed; the sweep retries');
    }
  }
}
