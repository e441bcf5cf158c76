/**
 * An ISO-8601 UTC timestamp (`2026-11-24T08:15:00.000Z`). Kept as a string across the domain so that
 * rows, events and JSON share one representation and compare correctly as text.
 */
export type Instant = string;

export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

export function addMilliseconds(at: Instant, ms: number): Instant {
  return new Date(Date.parse(at) + ms).toISOString();
}
