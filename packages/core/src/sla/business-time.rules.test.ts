import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BusinessCalendar, BusinessWindow, Holiday } from './calendar.types.ts';
import { defaultWindows } from './calendar.types.ts';
import { addBusinessSeconds, businessSecondsBetween, isBusinessTime } from './business-time.rules.ts';
import { indonesiaHolidays2026 } from './holidays.id-2026.ts';

const HOUR = 3600;
const weekdays = (start: string, end: string): BusinessWindow[] => ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start, end }));
const calendar = (timeZone: string, windows: readonly BusinessWindow[] = defaultWindows, holidays: BusinessCalendar['holidays'] | readonly Holiday[] = []): BusinessCalendar => ({ timeZone, windows: [...windows], holidays: [...holidays] });

describe('adding business seconds on a team calendar', () => {
  it.each([
    ['a WIB Friday afternoon carries over the weekend to Monday', calendar('Asia/Jakarta'), '2026-03-06T09:00:00.000Z', 2 * HOUR, '2026-03-09T02:00:00.000Z'],
    ['a WITA ticket before opening starts counting at 08:00 Makassar time', calendar('Asia/Makassar'), '2026-03-01T23:00:00.000Z', 30 * 60, '2026-03-02T00:30:00.000Z'],
    ['a WIT lunch break between two windows is not counted', calendar('Asia/Jayapura', [...weekdays('08:00', '12:00'), ...weekdays('13:00', '17:00')]), '2026-03-02T02:30:00.000Z', HOUR, '2026-03-02T04:30:00.000Z'],
    ['an overnight shift counts past midnight', calendar('Asia/Jakarta', [{ weekday: 1, start: '22:00', end: '06:00', overnight: true }]), '2026-03-02T14:00:00.000Z', 3 * HOUR, '2026-03-02T18:00:00.000Z'],
    ['a company holiday closes the whole day', calendar('Asia/Jakarta', defaultWindows, [{ start: '2026-03-03', end: '2026-03-03', name: 'Ulang tahun perusahaan', kind: 'company' }]), '2026-03-02T09:00:00.000Z', 2 * HOUR, '2026-03-04T02:00:00.000Z'],
    ['Nyepi, Idul Fitri and their cuti bersama close a week in March 2026', calendar('Asia/Jakarta', defaultWindows, indonesiaHolidays2026), '2026-03-17T09:00:00.000Z', 2 * HOUR, '2026-03-25T02:00:00.000Z'],
    ['a zone with daylight saving uses the summer offset after the change', calendar('Europe/Berlin', weekdays('09:00', '17:00')), '2026-03-27T15:00:00.000Z', 2 * HOUR, '2026-03-30T08:00:00.000Z'],
    ['calendar-time mode counts every second, nights and weekends included', null, '2026-03-06T09:00:00.000Z', 2 * HOUR, '2026-03-06T11:00:00.000Z'],
  ])('%s', (_title, cal, from, seconds, expected) => {
    expect(addBusinessSeconds(cal, from, seconds)).toBe(expected);
  });

  it('an overnight shift does not swallow the holiday it runs into', () => {
    const night = calendar('Asia/Jakarta', [{ weekday: 1, start: '22:00', end: '06:00', overnight: true }, { weekday: 2, start: '22:00', end: '06:00', overnight: true }], [
      { start: '2026-03-03', end: '2026-03-03', name: 'Libur', kind: 'company' },
    ]);
    // Monday 22:00–24:00 counts, Tuesday is a holiday until midnight, Wednesday 00:00 onwards counts again.
    expect(addBusinessSeconds(night, '2026-03-02T15:00:00.000Z', 3 * HOUR)).toBe('2026-03-03T18:00:00.000Z');
  });

  it('fails loudly on a calendar that never opens rather than spinning', () => {
    expect(() => addBusinessSeconds(calendar('Asia/Jakarta', []), '2026-03-02T00:00:00.000Z', 60)).toThrow(/no business hours/);
  });
});

describe('counting business seconds between two instants', () => {
  const wib = calendar('Asia/Jakarta');

  it('counts Friday 16:00 to Monday 10:00 WIB as three hours', () => {
    expect(businessSecondsBetween(wib, '2026-03-06T09:00:00.000Z', '2026-03-09T03:00:00.000Z')).toBe(3 * HOUR);
  });

  it('is negative when the second instant comes first: time overdue', () => {
    expect(businessSecondsBetween(wib, '2026-03-09T03:00:00.000Z', '2026-03-06T09:00:00.000Z')).toBe(-3 * HOUR);
  });

  it('counts nothing over a weekend', () => {
    expect(businessSecondsBetween(wib, '2026-03-07T01:00:00.000Z', '2026-03-08T12:00:00.000Z')).toBe(0);
  });

  it('knows whether an instant is inside business hours', () => {
    expect(isBusinessTime(wib, '2026-03-02T02:00:00.000Z')).toBe(true);
    expect(isBusinessTime(wib, '2026-03-02T12:00:00.000Z')).toBe(false);
  });

  it('gives back exactly what was added, from any instant, on any of the three Indonesian zones', () => {
    const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-20T00:00:00Z') }), fc.integer({ min: 1, max: 40 * HOUR }), fc.constantFrom(...zones), (fromMs, seconds, zone) => {
        const cal = calendar(zone, [...weekdays('08:00', '12:00'), ...weekdays('13:00', '17:00'), { weekday: 6, start: '20:00', end: '02:00', overnight: true }], indonesiaHolidays2026);
        const from = new Date(Math.floor(fromMs / 1000) * 1000).toISOString();
        expect(businessSecondsBetween(cal, from, addBusinessSeconds(cal, from, seconds))).toBe(seconds);
      }),
      { numRuns: 150 },
    );
  });
});
