import { describe, expect, it } from 'vitest';
import { ACTIVITY_THROTTLE_MS, startActivityReporter } from './activity-reporter.ts';

describe('reporting console activity for presence', () => {
  it('reports the first move at once and then at most once per throttle window', () => {
    let now = 1_000_000;
    let reports = 0;
    const target = new EventTarget() as unknown as Window;
    const stop = startActivityReporter(target, () => (reports += 1), () => now);
    target.dispatchEvent(new Event('keydown'));
    target.dispatchEvent(new Event('pointerdown'));
    expect(reports).toBe(1);
    now += ACTIVITY_THROTTLE_MS - 1;
    target.dispatchEvent(new Event('keydown'));
    expect(reports).toBe(1);
    now += 1;
    target.dispatchEvent(new Event('focus'));
    expect(reports).toBe(2);
    stop();
    now += ACTIVITY_THROTTLE_MS;
    target.dispatchEvent(new Event('keydown'));
    expect(reports).toBe(2);
  });
});
