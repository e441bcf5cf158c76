import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isValidCapacity } from './team.rules.ts';

describe('team settings', () => {
  it.each([
    ['Asia/Jakarta', 'Asia/Jakarta'],
    ['asia/makassar', 'Asia/Makassar'],
    ['Asia/Jayapura', 'Asia/Jayapura'],
    ['Europe/Amsterdam', 'Europe/Amsterdam'],
    ['America/New_York', 'America/New_York'],
    ['UTC', 'UTC'],
  ])('%s is a time zone a team may use, stored as %s', (zone, stored) => {
    expect(canonicalTimeZone(zone)).toBe(stored);
  });

  it.each(['WIB', '+07:00', 'GMT+7', 'Asia/Atlantis', '', 'Asia/Jakarta/../etc'])('%j is refused as a time zone', (zone) => {
    expect(() => canonicalTimeZone(zone)).toThrow(expect.objectContaining({ code: 'team.invalid_time_zone' }));
  });

  it('a capacity is a whole number of open tickets from 0 to 50', () => {
    expect([0, 1, 50].every(isValidCapacity)).toBe(true);
    expect([-1, 51, 2.5, Number.NaN].some(isValidCapacity)).toBe(false);
  });
});
