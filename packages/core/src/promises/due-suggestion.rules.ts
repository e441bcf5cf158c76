import { AppError } from '../shared/errors.ts';
import type { Instant } from '../shared/instant.ts';
import type { DueSuggestion } from './promise.types.ts';

/** Fewer cases than this say more about luck than about how long the work takes. */
export const MIN_CASES = 3;
export const DEFAULT_DUE_MS = 24 * 60 * 60_000;
const QUARTER_HOUR_MS = 15 * 60_000;
const MIN_REMINDER_LEAD_MS = 15 * 60_000;
const MAX_REMINDER_LEAD_MS = 2 * 60 * 60_000;

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

/**
 * The p-quantile by linear interpolation between closest ranks (Hyndman & Fan type 7, what spreadsheets'
 * PERCENTILE.INC and numpy's default compute): position h = (n − 1)·p in the sorted values, then the value
 * at ⌊h⌋ plus the fraction of the way to the next one. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile p must lie in [0, 1], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (h - lower) * (sorted[upper]! - sorted[lower]!);
}

/** Up to the next quarter hour (UTC quarters are Jakarta's too): "by 14:45", never "by 14:37". */
function roundUpToQuarterHour(ms: number): number {
  return Math.ceil(ms / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
}

/**
 * A realistic due time: now + the 80th percentile of how long similar cases took (most of them were
 * fixed by then), from the category's history when too few are similar, else a day.
 */
export function suggestDue(similarTimes: readonly number[], categoryTimes: readonly number[], now: Instant): DueSuggestion {
  const [source, times] = similarTimes.length >= MIN_CASES ? (['similar', similarTimes] as const) : categoryTimes.length >= MIN_CASES ? (['category', categoryTimes] as const) : (['default', []] as const);
  const medianMs = median(times);
  const p80Ms = percentile(times, 0.8);
  const span = p80Ms ?? DEFAULT_DUE_MS;
  return {
    basedOn: times.length,
    source,
    medianMs: medianMs === null ? null : Math.round(medianMs),
    p80Ms: p80Ms === null ? null : Math.round(p80Ms),
    suggestedDueAt: new Date(roundUpToQuarterHour(Date.parse(now) + span)).toISOString(),
  };
}

/**
 * When to remind the owner: a fifth of the time they were given before the due time, at least 15
 * minutes (time to act) and at most 2 hours (so it is still on their mind), never before the promise.
 */
export function reminderAt(createdAt: Instant, dueAt: Instant): Instant {
  const created = Date.parse(createdAt);
  const due = Date.parse(dueAt);
  const lead = Math.min(MAX_REMINDER_LEAD_MS, Math.max(MIN_REMINDER_LEAD_MS, 0.2 * (due - created)));
  return new Date(Math.max(created, due - lead)).toISOString();
}

export function assertDueInFuture(dueAt: Instant, now: Instant): void {
  if (!(Date.parse(dueAt) > Date.parse(now))) {
    throw new AppError('promise.due_in_past', 'A promise must be due in the future', { issues: [{ path: 'dueAt', message: 'Must lie in the future' }] });
  }
}
