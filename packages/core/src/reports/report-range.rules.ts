import { TZDate, tzOffset } from '@date-fns/tz';
import { isTimeZone } from '../sla/calendar.rules.ts';
import { addDays, differenceInCalendarDays, format, subDays } from 'date-fns';
import { AppError } from '../shared/errors.ts';
import { DAY_BUCKET_OFFSETS, type ReportDay, type RollupSpan } from './report.types.ts';

export const MAX_REPORT_DAYS = 366;
/** The zone of a report that names neither a zone nor a team: the product's home market. */
export const DEFAULT_REPORT_ZONE = 'Asia/Jakarta';
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: string, field: 'from' | 'to'): Date {
  const match = DATE.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new AppError('validation.failed', `${field} is not a calendar date`, { issues: [{ path: `query.${field}`, message: 'Expected YYYY-MM-DD' }] });
  }
  return date;
}

/**
 * The local days from `from` to `to` inclusive in `zone`, each as the UTC instants of its local midnights.
 * Rollups are hourly in UTC, so a zone whose offset is not a whole number of hours (India, Nepal) would cut
 * a bucket in two: those are refused rather than answered approximately.
 */
export function reportDays(from: string, to: string, zone: string): ReportDay[] {
  const start = parseDate(from, 'from');
  const end = parseDate(to, 'to');
  if (end < start) throw new AppError('report.invalid_range', 'The range ends before it starts', { from, to });
  const length = differenceInCalendarDays(end, start) + 1;
  if (length > MAX_REPORT_DAYS) throw new AppError('report.range_too_long', `A report covers at most ${MAX_REPORT_DAYS} days`, { days: length, max: MAX_REPORT_DAYS });
  if (!isTimeZone(zone)) throw new AppError('validation.failed', 'Unknown time zone', { issues: [{ path: 'query.zone', message: 'Expected an IANA time zone' }] });

  const midnight = (date: Date) => new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), zone);
  const days: ReportDay[] = [];
  for (let i = 0; i < length; i += 1) {
    const day = addDays(start, i);
    const local = midnight(day);
    if (tzOffset(zone, local) % 60 !== 0) {
      throw new AppError('validation.failed', 'Reports need a zone with whole-hour offsets', { issues: [{ path: 'query.zone', message: 'Offset is not a whole number of hours' }] });
    }
    days.push({ day: day.toISOString().slice(0, 10), from: new Date(local.getTime()).toISOString(), until: new Date(midnight(addDays(day, 1)).getTime()).toISOString() });
  }
  return days;
}

/** Day rows answer when every report day is 24 hours long and starts on a folded offset; otherwise hours are summed. */
export function spanFor(days: readonly ReportDay[]): RollupSpan {
  const offsets = new Set<number>(DAY_BUCKET_OFFSETS);
  const folded = days.every((day) => {
    const start = Date.parse(day.from);
    const offset = (24 - new Date(start).getUTCHours()) % 24;
    return Date.parse(day.until) - start === 86_400_000 && offsets.has(offset);
  });
  return folded ? 'day' : 'hour';
}

/**
 * The last `length` local days up to today, as `from`/`to` dates, counted in the report's zone. "Today"
 * must come from the zone and not from the viewer's clock: a browser on UTC at 17:15 is still on
 * yesterday while Jakarta is already 00:15 of the next day, and its range would leave out every message
 * of that new day.
 */
export function recentReportRange(now: Date, zone: string, length = 7): { from: string; to: string } {
  const today = new TZDate(now.getTime(), zone);
  return { from: format(subDays(today, length - 1), 'yyyy-MM-dd'), to: format(today, 'yyyy-MM-dd') };
}
