import type { Instant } from '../shared/instant.ts';

/**
 * The three response-time clocks a ticket runs (docs/supervisors.md §SLA). One row per ticket and metric
 * in `sla_clocks`; the SLA engine owns writing them, the board and reports only read them.
 */
export const slaMetrics = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof slaMetrics)[number];

/**
 * running: counting towards `dueAt`; paused: a pausing status (pending) holds it, `remainingSeconds` kept;
 * met: stopped before its due time; breached: passed its due time (stays breached once stopped);
 * cancelled: no longer applies (the ticket was marked not a complaint, merged away, or closed unanswered).
 */
export const slaClockStates = ['running', 'paused', 'met', 'breached', 'cancelled'] as const;
export type SlaClockState = (typeof slaClockStates)[number];

export interface SlaClock {
  ticketId: number;
  metric: SlaMetric;
  policyId: number | null;
  targetSeconds: number;
  /** Counted on the team's business-hours calendar, or on the wall clock. */
  businessHours: boolean;
  state: SlaClockState;
  startedAt: Instant;
  /** The instant the target is reached; null while paused (it moves when the clock resumes). */
  dueAt: Instant | null;
  /** 80 % of the target, as an instant; null while paused. */
  warnAt: Instant | null;
  /** Business (or wall) seconds left when paused; null otherwise. */
  remainingSeconds: number | null;
  stoppedAt: Instant | null;
  warnedAt: Instant | null;
  breachedAt: Instant | null;
  updatedAt: Instant;
}

/** Green until 80 %, amber from the warning, red once breached: what the board and ticket header colour. */
export type SlaLight = 'green' | 'amber' | 'red';
