import { describe, expect, it } from 'vitest';
import { instantFromPg } from './instant.column.ts';

describe("reading PostgreSQL's timestamptz as the domain's Instant", () => {
  it.each([
    ['2026-03-02 08:00:00+00', '2026-03-02T08:00:00.000Z'],
    ['2026-03-02 08:00:00.5+00', '2026-03-02T08:00:00.500Z'],
    ['2026-03-02 08:00:00.123+00', '2026-03-02T08:00:00.123Z'],
    ['2026-03-02 08:00:00.123456+00', '2026-03-02T08:00:00.123Z'],
  ])('%s in a UTC session reads as %s', (text, instant) => {
    expect(instantFromPg(text)).toBe(instant);
  });

  it.each([
    ['2026-03-02 15:00:00+07', '2026-03-02T08:00:00.000Z'],
    ['2026-03-02 13:30:00.25+05:30', '2026-03-02T08:00:00.250Z'],
    ['2026-03-01 21:00:00-11', '2026-03-02T08:00:00.000Z'],
  ])('%s from a session in another zone is the same instant, %s', (text, instant) => {
    expect(instantFromPg(text)).toBe(instant);
  });

  it('text that is no time at all is an error, not a wrong time', () => {
    expect(() => instantFromPg('infinity')).toThrow(/Unexpected timestamptz/);
  });
});
