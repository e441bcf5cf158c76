import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { recentReportRange, reportDays, spanFor } from './report-range.rules.ts';

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return null;
};

describe('report days in the team time zone', () => {
  it('a day in Jakarta (WIB, UTC+7) starts at 17:00 UTC the evening before', () => {
    expect(reportDays('2026-03-02', '2026-03-02', 'Asia/Jakarta')).toEqual([{ day: '2026-03-02', from: '2026-03-01T17:00:00.000Z', until: '2026-03-02T17:00:00.000Z' }]);
  });

  it('a day in Jayapura (WIT, UTC+9) starts two hours earlier than in Jakarta', () => {
    expect(reportDays('2026-03-02', '2026-03-03', 'Asia/Jayapura')).toEqual([
      { day: '2026-03-02', from: '2026-03-01T15:00:00.000Z', until: '2026-03-02T15:00:00.000Z' },
      { day: '2026-03-03', from: '2026-03-02T15:00:00.000Z', until: '2026-03-03T15:00:00.000Z' },
    ]);
  });

  it('a zone with daylight saving gets a 23-hour day when the clocks go forward', () => {
    const [day] = reportDays('2026-03-29', '2026-03-29', 'Europe/Amsterdam');
    expect(day).toEqual({ day: '2026-03-29', from: '2026-03-28T23:00:00.000Z', until: '2026-03-29T22:00:00.000Z' });
  });

  it('a range ending before it starts, longer than 366 days, or in an unknown zone is refused with a code', () => {
    expect(codeOf(() => reportDays('2026-03-02', '2026-03-01', 'Asia/Jakarta'))).toBe('report.invalid_range');
    expect(codeOf(() => reportDays('2025-01-01', '2026-01-02', 'Asia/Jakarta'))).toBe('report.range_too_long');
    expect(reportDays('2025-01-02', '2026-01-02', 'Asia/Jakarta')).toHaveLength(366);
    expect(codeOf(() => reportDays('2026-03-01', '2026-03-02', 'Mars/Olympus'))).toBe('validation.failed');
    expect(codeOf(() => reportDays('2026-02-30', '2026-03-02', 'Asia/Jakarta'))).toBe('validation.failed');
    expect(codeOf(() => reportDays('2026-03-01', '2026-03-02', 'Asia/Kolkata'))).toBe('validation.failed');
  });

  it('WIB, WITA and WIT days read the folded day rows; UTC and a daylight-saving zone sum the hours', () => {
    expect(spanFor(reportDays('2026-03-01', '2026-03-31', 'Asia/Jakarta'))).toBe('day');
    expect(spanFor(reportDays('2026-03-01', '2026-03-31', 'Asia/Makassar'))).toBe('day');
    expect(spanFor(reportDays('2026-03-01', '2026-03-31', 'Asia/Jayapura'))).toBe('day');
    expect(spanFor(reportDays('2026-03-01', '2026-03-31', 'UTC'))).toBe('hour');
    expect(spanFor(reportDays('2026-03-28', '2026-03-30', 'Europe/Amsterdam'))).toBe('hour');
  });
});

describe('the recent range a report opens on', () => {
  it('is counted in the report zone: at 17:15 UTC Jakarta is already on the next day', () => {
    expect(recentReportRange(new Date('2026-12-01T17:15:00Z'), 'Asia/Jakarta')).toEqual({ from: '2026-11-26', to: '2026-12-02' });
    expect(recentReportRange(new Date('2026-12-01T16:59:59Z'), 'Asia/Jakarta')).toEqual({ from: '2026-11-25', to: '2026-12-01' });
  });

  it('in Jayapura (WIT) the day turns two hours before Jakarta', () => {
    expect(recentReportRange(new Date('2026-12-01T15:00:00Z'), 'Asia/Jayapura', 1)).toEqual({ from: '2026-12-02', to: '2026-12-02' });
    expect(recentReportRange(new Date('2026-12-01T15:00:00Z'), 'Asia/Jakarta', 1)).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });
});
