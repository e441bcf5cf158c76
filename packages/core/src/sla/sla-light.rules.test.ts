import { describe, expect, it } from 'vitest';
import type { SlaClock } from './sla.types.ts';
import { headlineClock, slaLight, slaSecondsLeft } from './sla-light.rules.ts';

const clock = (overrides: Partial<SlaClock> = {}): SlaClock => ({
  ticketId: 1, metric: 'first_response', policyId: null, targetSeconds: 100, businessHours: false, state: 'running',
  startedAt: '2026-03-02T08:00:00.000Z', dueAt: '2026-03-02T08:01:40.000Z', warnAt: '2026-03-02T08:01:20.000Z',
  remainingSeconds: null, stoppedAt: null, warnedAt: null, breachedAt: null, updatedAt: '2026-03-02T08:00:00.000Z', ...overrides,
});

describe('the SLA light', () => {
  it.each([
    ['2026-03-02T08:01:19.999Z', 'green'],
    ['2026-03-02T08:01:20.000Z', 'amber'],
    ['2026-03-02T08:01:39.999Z', 'amber'],
    ['2026-03-02T08:01:40.000Z', 'red'],
  ] as const)('a running clock at %s is %s', (now, light) => {
    expect(slaLight(clock(), now)).toBe(light);
  });

  it('a breached clock stays red and a met or cancelled one is green, whatever the time', () => {
    expect(slaLight(clock({ state: 'breached' }), '2026-03-02T08:00:00.000Z')).toBe('red');
    expect(slaLight(clock({ state: 'met' }), '2026-03-02T09:00:00.000Z')).toBe('green');
    expect(slaLight(clock({ state: 'cancelled' }), '2026-03-02T09:00:00.000Z')).toBe('green');
  });

  it('a paused clock keeps the colour its remaining time earned', () => {
    const paused = { state: 'paused' as const, dueAt: null, warnAt: null };
    expect(slaLight(clock({ ...paused, remainingSeconds: 50 }), '2026-03-02T09:00:00.000Z')).toBe('green');
    expect(slaLight(clock({ ...paused, remainingSeconds: 20 }), '2026-03-02T09:00:00.000Z')).toBe('amber');
    expect(slaLight(clock({ ...paused, remainingSeconds: 0 }), '2026-03-02T09:00:00.000Z')).toBe('red');
  });

  it('the countdown goes negative once overdue and is absent for a stopped clock', () => {
    expect(slaSecondsLeft(clock(), '2026-03-02T08:01:00.000Z')).toBe(40);
    expect(slaSecondsLeft(clock(), '2026-03-02T08:02:00.000Z')).toBe(-20);
    expect(slaSecondsLeft(clock({ state: 'met' }), '2026-03-02T08:01:00.000Z')).toBeNull();
    expect(slaSecondsLeft(clock({ state: 'paused', remainingSeconds: 30 }), '2026-03-02T08:01:00.000Z')).toBe(30);
  });

  it('a row shows its running clock due soonest, else its worst one', () => {
    const resolution = clock({ metric: 'resolution', dueAt: '2026-03-02T12:00:00.000Z', warnAt: '2026-03-02T11:00:00.000Z' });
    expect(headlineClock([resolution, clock()], '2026-03-02T08:00:00.000Z')?.metric).toBe('first_response');
    expect(headlineClock([clock({ state: 'met' }), clock({ metric: 'resolution', state: 'breached' })], '2026-03-02T08:00:00.000Z')?.metric).toBe('resolution');
    expect(headlineClock([], '2026-03-02T08:00:00.000Z')).toBeNull();
  });
});
