import { slaLight, type SlaLight } from '@keluh/core';
import type { SlaClockDto } from '@keluh/contracts';

export interface BadgeView {
  clock: SlaClockDto;
  light: SlaLight;
  /** Milliseconds to the due time (negative once overdue); null while paused. */
  leftMs: number | null;
}

/**
 * The clock the header shows: of those still ticking or held, the breached first, then the one due
 * soonest; a paused clock only when nothing runs. Stopped clocks (met, cancelled) are history.
 */
export function headlineClock(clocks: readonly SlaClockDto[], now: number): BadgeView | null {
  const live = clocks.filter((clock) => clock.stoppedAt === null && clock.state !== 'cancelled');
  const running = live.filter((clock) => clock.dueAt !== null).sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!));
  const clock = running[0] ?? live[0];
  if (!clock) return null;
  const at = new Date(now).toISOString();
  return { clock, light: slaLight(clock, at), leftMs: clock.dueAt ? Date.parse(clock.dueAt) - now : null };
}

/** `4:05` under an hour, `2h 10m` above, always counting whole seconds down. */
export function countdown(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}h ${String(minutes).padStart(2, '0')}m` : `${minutes}:${String(seconds).padStart(2, '0')}`;
}
