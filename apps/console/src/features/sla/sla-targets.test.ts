import { describe, expect, it } from 'vitest';
import { formatTarget, fromParts, toParts } from './sla-targets.ts';

const units = { h: 'h', min: 'min', s: 's', none: 'none' };

describe('SLA targets in hours and minutes', () => {
  it('round-trips a target through the form', () => {
    expect(toParts(5400)).toEqual({ hours: '1', minutes: '30' });
    expect(fromParts({ hours: '1', minutes: '30' })).toBe(5400);
  });
  it('reads empty fields as no clock, and passes a zero on for the server to refuse', () => {
    expect(fromParts({ hours: '', minutes: '' })).toBeNull();
    expect(fromParts({ hours: '0', minutes: '0' })).toBe(0);
    expect(fromParts({ hours: 2, minutes: '' })).toBe(7200);
  });
  it.each([
    [5400, '1 h 30 min'],
    [7200, '2 h'],
    [2700, '45 min'],
    [20, '20 s'],
    [3630, '1 h 30 s'],
    [null, 'none'],
  ])('shows %j as %s', (seconds, text) => {
    expect(formatTarget(seconds, units)).toBe(text);
  });
});
