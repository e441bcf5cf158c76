import { describe, expect, it } from 'vitest';
import type { AppError } from '../shared/errors.ts';
import { assertDueInFuture, median, percentile, reminderAt, suggestDue } from './due-suggestion.rules.ts';

const HOUR = 3_600_000;
const MIN = 60_000;
const NOW = '2026-03-02T08:07:00.000Z';

describe('how long cases took, summarised', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('interpolates the 80th percentile between closest ranks (type 7)', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.8)).toBeCloseTo(4.2);
    expect(percentile([10, 20], 0.8)).toBeCloseTo(18);
    expect(percentile([7], 0.8)).toBe(7);
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 1)).toBe(3);
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe('suggesting a due time for a promise', () => {
  it('uses similar cases when at least three are known, rounded up to the quarter hour', () => {
    const suggestion = suggestDue([1 * HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 5 * HOUR], [10 * HOUR, 10 * HOUR, 10 * HOUR], NOW);
    expect(suggestion).toEqual({ basedOn: 5, source: 'similar', medianMs: 3 * HOUR, p80Ms: 4.2 * HOUR, suggestedDueAt: '2026-03-02T12:30:00.000Z' });
  });

  it("falls back to the category's cases when fewer than three are similar", () => {
    const suggestion = suggestDue([1 * HOUR, 2 * HOUR], [2 * HOUR, 2 * HOUR, 2 * HOUR], NOW);
    expect(suggestion).toMatchObject({ basedOn: 3, source: 'category', medianMs: 2 * HOUR, p80Ms: 2 * HOUR, suggestedDueAt: '2026-03-02T10:15:00.000Z' });
  });

  it('suggests a day when there is no history worth the name', () => {
    expect(suggestDue([HOUR], [HOUR, HOUR], NOW)).toEqual({ basedOn: 0, source: 'default', medianMs: null, p80Ms: null, suggestedDueAt: '2026-03-03T08:15:00.000Z' });
  });

  it('keeps a time already on a quarter hour as it is', () => {
    expect(suggestDue([], [], '2026-03-02T08:00:00.000Z').suggestedDueAt).toBe('2026-03-03T08:00:00.000Z');
  });
});

describe('when the owner is reminded', () => {
  const at = (minutesAfter: number) => new Date(Date.parse(NOW) + minutesAfter * MIN).toISOString();

  it('reminds a fifth of the time given before due', () => {
    expect(reminderAt(NOW, at(300))).toBe(at(240));
  });

  it('gives at least 15 minutes and at most 2 hours of warning', () => {
    expect(reminderAt(NOW, at(30))).toBe(at(15));
    expect(reminderAt(NOW, at(3 * 24 * 60))).toBe(at(3 * 24 * 60 - 120));
  });

  it('never reminds before the promise was made', () => {
    expect(reminderAt(NOW, at(10))).toBe(NOW);
  });
});

describe('a promise must lie ahead', () => {
  it('refuses a due time now or in the past with promise.due_in_past', () => {
    for (const due of [NOW, '2026-03-01T08:00:00.000Z']) {
      try {
        assertDueInFuture(due, NOW);
        expect.unreachable();
      } catch (error) {
        expect((error as AppError).code).toBe('promise.due_in_past');
      }
    }
    expect(() => assertDueInFuture('2026-03-02T08:07:00.001Z', NOW)).not.toThrow();
  });
});
