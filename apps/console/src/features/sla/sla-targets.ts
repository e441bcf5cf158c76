/** A target as the form edits it: hours and minutes, both empty for "no clock". */
export interface TargetParts {
  /** A number input's v-model gives a number once typed in, an empty string when cleared. */
  hours: string | number;
  minutes: string | number;
}

export function toParts(seconds: number | null): TargetParts {
  if (seconds === null) return { hours: '', minutes: '' };
  return { hours: String(Math.floor(seconds / 3600)), minutes: String(Math.round((seconds % 3600) / 60)) };
}

/**
 * Seconds, or null when both are empty. Zero and negative values are passed on as typed: the server
 * refuses them with `sla.invalid_target`, and the form shows that message rather than guessing.
 */
export function fromParts(parts: TargetParts): number | null {
  if (String(parts.hours).trim() === '' && String(parts.minutes).trim() === '') return null;
  return Math.round((Number(parts.hours || 0) * 60 + Number(parts.minutes || 0)) * 60);
}

/** `1 h 30 min`, `45 min`, `20 s`, or the "none" word: how the policies table reads a target. */
export function formatTarget(seconds: number | null, units: { h: string; min: string; s: string; none: string }): string {
  if (seconds === null) return units.none;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return [hours > 0 ? `${hours} ${units.h}` : '', minutes > 0 ? `${minutes} ${units.min}` : '', rest > 0 || seconds === 0 ? `${rest} ${units.s}` : ''].filter(Boolean).join(' ');
}
