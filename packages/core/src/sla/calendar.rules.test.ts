import { describe, expect, it } from 'vitest';
import type { AppError } from '../shared/errors.ts';
import type { BusinessWindow, Holiday } from './calendar.types.ts';
import { assertTimeZone, assertValidHolidays, assertValidWindows } from './calendar.rules.ts';
import { indonesiaHolidays2026 } from './holidays.id-2026.ts';

const codeOf = (work: () => void): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as AppError).code;
  }
};

describe('validating a team calendar', () => {
  it.each<[string, BusinessWindow[], string | null]>([
    ['two windows on one day with a lunch break are fine', [{ weekday: 1, start: '08:00', end: '12:00' }, { weekday: 1, start: '13:00', end: '17:00' }], null],
    ['an overnight shift ending before it starts is fine', [{ weekday: 5, start: '22:00', end: '06:00', overnight: true }], null],
    ['a window that ends before it starts without overnight is refused', [{ weekday: 1, start: '17:00', end: '08:00' }], 'sla.window_inverted'],
    ['a window of no length is refused', [{ weekday: 1, start: '08:00', end: '08:00' }], 'sla.window_inverted'],
    ['overnight on a same-day window is refused', [{ weekday: 1, start: '08:00', end: '17:00', overnight: true }], 'sla.window_inverted'],
    ['two windows sharing an hour are refused', [{ weekday: 2, start: '08:00', end: '12:00' }, { weekday: 2, start: '11:00', end: '15:00' }], 'sla.window_overlap'],
    ['a night shift running into the next morning window is refused', [{ weekday: 1, start: '22:00', end: '06:00', overnight: true }, { weekday: 2, start: '05:00', end: '09:00' }], 'sla.window_overlap'],
    ['Saturday night into Sunday morning is compared across the week', [{ weekday: 6, start: '22:00', end: '04:00', overnight: true }, { weekday: 0, start: '03:00', end: '09:00' }], 'sla.window_overlap'],
    ['back-to-back windows do not overlap', [{ weekday: 3, start: '08:00', end: '12:00' }, { weekday: 3, start: '12:00', end: '16:00' }], null],
    ['a malformed time is a validation error', [{ weekday: 1, start: '8am', end: '17:00' }], 'validation.failed'],
    ['no windows at all is refused', [], 'sla.calendar_empty'],
  ])('%s', (_title, windows, code) => {
    expect(codeOf(() => assertValidWindows(windows))).toBe(code);
  });

  it.each([
    ['Asia/Jakarta', null],
    ['Asia/Makassar', null],
    ['Asia/Jayapura', null],
    ['Asia/Bandung', 'sla.invalid_time_zone'],
    ['', 'sla.invalid_time_zone'],
  ])('the time zone %j is %s', (zone, code) => {
    expect(codeOf(() => assertTimeZone(zone))).toBe(code);
  });
});

describe('validating a holiday list', () => {
  const holiday = (start: string, end: string, name = 'Libur'): Holiday => ({ start, end, name, kind: 'company' });

  it('accepts the shipped 2026 list: 17 national days and 8 days of cuti bersama', () => {
    expect(codeOf(() => assertValidHolidays(indonesiaHolidays2026))).toBeNull();
    const days = (kind: Holiday['kind']) => indonesiaHolidays2026.filter((h) => h.kind === kind).reduce((sum, h) => sum + (Date.parse(h.end) - Date.parse(h.start)) / 86_400_000 + 1, 0);
    expect([days('national'), days('cuti_bersama')]).toEqual([17, 8]);
  });

  it.each<[string, Holiday[], string | null]>([
    ['ranges that share a day are refused', [holiday('2026-03-20', '2026-03-24'), holiday('2026-03-24', '2026-03-25')], 'sla.holiday_overlap'],
    ['a range inside another is refused', [holiday('2026-06-01', '2026-06-10'), holiday('2026-06-03', '2026-06-03')], 'sla.holiday_overlap'],
    ['adjacent ranges are fine', [holiday('2026-03-20', '2026-03-22'), holiday('2026-03-23', '2026-03-24')], null],
    ['a range ending before it starts is refused', [holiday('2026-03-24', '2026-03-20')], 'sla.holiday_invalid'],
    ['an impossible date is refused', [holiday('2026-02-30', '2026-02-30')], 'sla.holiday_invalid'],
  ])('%s', (_title, holidays, code) => {
    expect(codeOf(() => assertValidHolidays(holidays))).toBe(code);
  });
});
