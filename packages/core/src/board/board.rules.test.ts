import { describe, expect, it } from 'vitest';
import { dayStartIn, waitingSince } from './board.rules.ts';

describe('board rules', () => {
  it('an open ticket waits from the customer\'s last message until anything of ours follows it', () => {
    expect(waitingSince({ status: 'open', lastInboundAt: '2026-03-02T08:00:00.000Z', lastMessageAt: '2026-03-02T08:00:00.000Z' })).toBe('2026-03-02T08:00:00.000Z');
    expect(waitingSince({ status: 'open', lastInboundAt: '2026-03-02T08:00:00.000Z', lastMessageAt: '2026-03-02T08:05:00.000Z' })).toBeNull();
    expect(waitingSince({ status: 'pending', lastInboundAt: '2026-03-02T08:00:00.000Z', lastMessageAt: '2026-03-02T08:00:00.000Z' })).toBeNull();
    expect(waitingSince({ status: 'open', lastInboundAt: null, lastMessageAt: '2026-03-02T08:00:00.000Z' })).toBeNull();
  });

  it.each([
    ['Asia/Jakarta', '2026-03-02T08:00:00.000Z', '2026-03-01T17:00:00.000Z'],
    ['Asia/Jakarta', '2026-03-01T16:59:59.000Z', '2026-02-28T17:00:00.000Z'],
    ['Asia/Makassar', '2026-03-02T08:00:00.000Z', '2026-03-01T16:00:00.000Z'],
    ['Asia/Jayapura', '2026-03-02T08:00:00.000Z', '2026-03-01T15:00:00.000Z'],
    // The day after Europe's spring change: midnight is at UTC+2, not +1.
    ['Europe/Berlin', '2026-03-30T08:00:00.000Z', '2026-03-29T22:00:00.000Z'],
  ])('today in %s at %s began at %s', (zone, now, start) => {
    expect(dayStartIn(zone, now)).toBe(start);
  });
});
