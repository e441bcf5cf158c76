import { TZDate } from '@date-fns/tz';
import { addDays, getDay, startOfDay } from 'date-fns';
import type { Instant } from '../shared/instant.ts';
import type { BusinessCalendar, Holiday } from './calendar.types.ts';

/*
 * Business-time maths on a team's calendar. Every local time is built by @date-fns/tz's TZDate from the
 * zone's own rules, so WIB/WITA/WIT and zones with daylight saving come out right without any offset of
 * ours. A null calendar means calendar (wall-clock) time: every second counts.
 */

interface Span {
  start: number;
  end: number;
}

/** Far enough for a calendar open one day a week through a long holiday season; a calendar never open fails loudly. */
const MAX_DAYS = 800;

export function addBusinessSeconds(calendar: BusinessCalendar | null, from: Instant, seconds: number): Instant {
  const fromMs = Date.parse(from);
  if (!calendar) return new Date(fromMs + seconds * 1000).toISOString();
  if (seconds <= 0) return new Date(fromMs).toISOString();
  let left = seconds * 1000;
  for (const span of openSpans(calendar, fromMs)) {
    const length = span.end - span.start;
    if (left <= length) return new Date(span.start + left).toISOString();
    left -= length;
  }
  throw new Error(`The calendar in ${calendar.timeZone} has no business hours within ${MAX_DAYS} days`);
}

/** Business seconds from a to b; negative when b is before a (time overdue). */
export function businessSecondsBetween(calendar: BusinessCalendar | null, a: Instant, b: Instant): number {
  const aMs = Date.parse(a);
  const bMs = Date.parse(b);
  if (bMs < aMs) return -businessSecondsBetween(calendar, b, a);
  if (!calendar) return Math.round((bMs - aMs) / 1000);
  let counted = 0;
  for (const span of openSpans(calendar, aMs)) {
    if (span.start >= bMs) break;
    counted += Math.min(span.end, bMs) - span.start;
  }
  return Math.round(counted / 1000);
}

/** True when `at` falls inside business hours (a holiday or a gap between windows is closed). */
export function isBusinessTime(calendar: BusinessCalendar, at: Instant): boolean {
  const atMs = Date.parse(at);
  const first = openSpans(calendar, atMs).next();
  return !first.done && first.value.start === atMs;
}

/**
 * The calendar's open spans from `fromMs` on, in order, clipped so none starts before the one before it
 * ends: an overnight shift of the previous day is included, and no second is counted twice.
 */
function* openSpans(calendar: BusinessCalendar, fromMs: number): Generator<Span> {
  const { timeZone } = calendar;
  let cursor = fromMs;
  // A TZDate all along (date-fns keeps the class it is given), so its getters read the team's local day.
  let day: Date = addDays(startOfDay(new TZDate(fromMs, timeZone)), -1);
  for (let i = 0; i < MAX_DAYS; i += 1, day = addDays(day, 1)) {
    const closed = holidaySpans(calendar.holidays, day, timeZone);
    const spans = calendar.windows
      .filter((window) => window.weekday === getDay(day))
      .map((window) => ({ start: localTime(day, window.start, timeZone), end: localTime(window.overnight ? addDays(day, 1) : day, window.end, timeZone) }))
      .flatMap((span) => subtract(span, closed))
      .sort((x, y) => x.start - y.start);
    for (const span of spans) {
      const start = Math.max(span.start, cursor);
      if (start >= span.end) continue;
      yield { start, end: span.end };
      cursor = span.end;
    }
  }
}

/** `HH:mm` on a local day; `24:00` is the next midnight. */
function localTime(day: Date, hhmm: string, timeZone: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes, timeZone).getTime();
}

/** The holidays touching this day or the next (an overnight shift reaches into it), as instants. */
function holidaySpans(holidays: readonly Holiday[], day: Date, timeZone: string): Span[] {
  const from = dateKey(day);
  const until = dateKey(addDays(day, 1));
  return holidays
    .filter((holiday) => holiday.start <= until && holiday.end >= from)
    .map((holiday) => ({ start: localDate(holiday.start, timeZone).getTime(), end: addDays(localDate(holiday.end, timeZone), 1).getTime() }));
}

function localDate(date: string, timeZone: string): TZDate {
  const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, dayOfMonth, timeZone);
}

function dateKey(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

function subtract(span: Span, closed: readonly Span[]): Span[] {
  let parts = [span];
  for (const hole of closed) {
    parts = parts.flatMap((part) => {
      if (hole.end <= part.start || hole.start >= part.end) return [part];
      return [
        ...(hole.start > part.start ? [{ start: part.start, end: hole.start }] : []),
        ...(hole.end < part.end ? [{ start: hole.end, end: part.end }] : []),
      ];
    });
  }
  return parts;
}
