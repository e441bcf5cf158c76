import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import type { SlaClockDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import SlaBadge from './SlaBadge.vue';

const T0 = Date.parse('2026-03-02T02:00:00.000Z');
const iso = (ms: number) => new Date(T0 + ms).toISOString();
const clock = (overrides: Partial<SlaClockDto> = {}): SlaClockDto => ({
  ticketId: 1, metric: 'first_response', policyId: 1, targetSeconds: 100, businessHours: false, state: 'running', startedAt: iso(0), dueAt: iso(100_000), warnAt: iso(80_000),
  remainingSeconds: null, stoppedAt: null, warnedAt: null, breachedAt: null, updatedAt: iso(0), ...overrides,
});
const mountBadge = (clocks: SlaClockDto[], language: 'en' | 'id' = 'en') => mount(SlaBadge, { props: { clocks }, global: { plugins: [createAppI18n(language)] } });

describe('the SLA badge in the ticket header', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('counts down live, turning amber at the warning and red at the due time, without a new event', async () => {
    const badge = mountBadge([clock()]);
    expect(badge.get('[data-testid=sla-badge]').attributes('data-light')).toBe('green');
    expect(badge.text()).toContain('First response · 1:40 left');
    await vi.advanceTimersByTimeAsync(80_000);
    expect(badge.get('[data-testid=sla-badge]').attributes('data-light')).toBe('amber');
    expect(badge.text()).toContain('0:20 left');
    await vi.advanceTimersByTimeAsync(25_000);
    expect(badge.get('[data-testid=sla-badge]').attributes('data-light')).toBe('red');
    expect(badge.text()).toContain('0:05 overdue');
  });

  it('shows a paused clock as paused with the time it has left, in Bahasa Indonesia too', () => {
    const paused = clock({ metric: 'resolution', state: 'paused', dueAt: null, warnAt: null, remainingSeconds: 7200, targetSeconds: 28_800 });
    const badge = mountBadge([paused], 'id');
    expect(badge.get('[data-testid=sla-badge]').attributes('data-state')).toBe('paused');
    expect(badge.text()).toContain('Penyelesaian dijeda · sisa 2h 00m');
  });

  it('headlines the clock due soonest, and shows nothing once every clock has stopped', async () => {
    const badge = mountBadge([clock({ metric: 'resolution', dueAt: iso(9_000_000), targetSeconds: 9000 }), clock({ metric: 'next_response', dueAt: iso(30_000) })]);
    expect(badge.text()).toContain('Next response · 0:30 left');
    await badge.setProps({ clocks: [clock({ state: 'met', stoppedAt: iso(10_000) })] });
    expect(badge.find('[data-testid=sla-badge]').exists()).toBe(false);
  });

  it('stays red once breached, even while the due time is recomputed ahead', () => {
    const badge = mountBadge([clock({ state: 'breached', breachedAt: iso(0), dueAt: iso(60_000) })]);
    expect(badge.get('[data-testid=sla-badge]').attributes('data-light')).toBe('red');
  });
});
