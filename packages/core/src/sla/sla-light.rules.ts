import type { Instant } from '../shared/instant.ts';
import type { SlaClock, SlaLight } from './sla.types.ts';

type LightClock = Pick<SlaClock, 'state' | 'dueAt' | 'warnAt' | 'targetSeconds' | 'remainingSeconds'>;

/**
 * The colour of one clock at `now`: red once breached or past due, amber from the warning (80 %), green
 * before. Computed from the stored instants rather than from `state`, because the breach job flips the
 * state a moment after the due time and the board must already be red then. A paused clock keeps the
 * colour its remaining time earned when it stopped.
 */
export function slaLight(clock: LightClock, now: Instant): SlaLight {
  if (clock.state === 'breached') return 'red';
  if (clock.state === 'met' || clock.state === 'cancelled') return 'green';
  if (clock.state === 'paused') {
    const left = clock.remainingSeconds ?? clock.targetSeconds;
    if (left <= 0) return 'red';
    return left <= clock.targetSeconds * 0.2 ? 'amber' : 'green';
  }
  const at = Date.parse(now);
  if (clock.dueAt && at >= Date.parse(clock.dueAt)) return 'red';
  if (clock.warnAt && at >= Date.parse(clock.warnAt)) return 'amber';
  return 'green';
}

/** Seconds until the clock is due (negative once overdue); null for a clock that is not counting down. */
export function slaSecondsLeft(clock: Pick<SlaClock, 'state' | 'dueAt' | 'remainingSeconds'>, now: Instant): number | null {
  if (clock.state === 'paused') return clock.remainingSeconds;
  if (clock.state !== 'running' || !clock.dueAt) return null;
  return Math.floor((Date.parse(clock.dueAt) - Date.parse(now)) / 1000);
}

const lightRank: Record<SlaLight, number> = { green: 0, amber: 1, red: 2 };

/** The clock a row shows: the running one due soonest, else the worst-coloured one; null without clocks. */
export function headlineClock<C extends LightClock & { dueAt: Instant | null }>(clocks: readonly C[], now: Instant): C | null {
  const running = clocks.filter((clock) => clock.state === 'running' && clock.dueAt).sort((a, b) => a.dueAt!.localeCompare(b.dueAt!));
  if (running[0]) return running[0];
  return [...clocks].sort((a, b) => lightRank[slaLight(b, now)] - lightRank[slaLight(a, now)])[0] ?? null;
}
