import { AppError } from '../shared/errors.ts';
import type { BusinessWindow, Holiday } from './calendar.types.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MINUTES = 24 * 60;
const WEEK_MINUTES = 7 * DAY_MINUTES;

export function isTimeZone(value: string): boolean {
  try {
    // Intl knows the IANA database the runtime ships; an unknown name is a RangeError.
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

export function assertTimeZone(value: string): void {
  if (!isTimeZone(value)) throw new AppError('sla.invalid_time_zone', `${value} is not an IANA time zone`, { issues: [{ path: 'timeZone', message: 'Unknown time zone' }] });
}

/**
 * A team's weekly hours, checked as a whole: each window well formed, an end at or before its start only
 * with `overnight`, and no two windows sharing a minute — across midnight and across Saturday → Sunday too.
 */
export function assertValidWindows(windows: readonly BusinessWindow[]): void {
  if (windows.length === 0) throw new AppError('sla.calendar_empty', 'A calendar needs at least one window', { issues: [{ path: 'windows', message: 'No business hours' }] });
  const spans = windows.map((window, index) => {
    const path = `windows.${index}`;
    if (!Number.isInteger(window.weekday) || window.weekday < 0 || window.weekday > 6 || !TIME.test(window.start) || !TIME.test(window.end) || window.start === '24:00') {
      throw new AppError('validation.failed', `Window ${index} is malformed`, { issues: [{ path, message: 'weekday 0–6, start and end HH:mm' }] });
    }
    const start = minutes(window.start);
    const end = minutes(window.end);
    if (end <= start && !window.overnight) {
      throw new AppError('sla.window_inverted', `Window ${index} ends before it starts`, { issues: [{ path, message: 'End before start: mark it overnight if the shift crosses midnight' }] });
    }
    if (window.overnight && end > start) {
      throw new AppError('sla.window_inverted', `Window ${index} is marked overnight but ends the same day`, { issues: [{ path, message: 'An overnight shift ends at or before its start time' }] });
    }
    const from = window.weekday * DAY_MINUTES + start;
    return { index, from, to: window.weekday * DAY_MINUTES + end + (window.overnight ? DAY_MINUTES : 0) };
  });
  // Saturday night's shift runs into Sunday morning: compare it shifted back a week as well.
  const all = [...spans, ...spans.filter((span) => span.to > WEEK_MINUTES).map((span) => ({ ...span, from: span.from - WEEK_MINUTES, to: span.to - WEEK_MINUTES }))];
  for (const a of all) {
    for (const b of all) {
      if (a.index < b.index && a.from < b.to && b.from < a.to) {
        throw new AppError('sla.window_overlap', `Windows ${a.index} and ${b.index} overlap`, { issues: [{ path: `windows.${b.index}`, message: `Overlaps window ${a.index}` }] });
      }
    }
  }
}

/** One list's holidays: real dates, start ≤ end, and no two ranges sharing a day. */
export function assertValidHolidays(holidays: readonly Holiday[]): void {
  holidays.forEach((holiday, index) => {
    if (!isDate(holiday.start) || !isDate(holiday.end) || holiday.end < holiday.start || holiday.name.trim() === '') {
      throw new AppError('sla.holiday_invalid', `Holiday ${index} is malformed`, { issues: [{ path: `holidays.${index}`, message: 'Dates YYYY-MM-DD, start on or before end, and a name' }] });
    }
  });
  const sorted = holidays.map((holiday, index) => ({ ...holiday, index })).sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.start <= previous.end) {
      throw new AppError('sla.holiday_overlap', `${current.name} overlaps ${previous.name}`, { issues: [{ path: `holidays.${current.index}`, message: `Overlaps ${previous.name} (${previous.start} – ${previous.end})` }] });
    }
  }
}

function minutes(hhmm: string): number {
  const [hours, mins] = hhmm.split(':').map(Number) as [number, number];
  return hours * 60 + mins;
}

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return parsed.toISOString().startsWith(value);
}
