import { describe, expect, it } from 'vitest';
import { isValidReopenDays, reopensFinishedTicket } from './reopen.rules.ts';

const resolvedAt = '2026-03-02T08:00:00.000Z';

describe('the reopen window', () => {
  it('a message up to and including N days after the resolution reopens the ticket', () => {
    expect(reopensFinishedTicket({ resolvedAt, updatedAt: resolvedAt }, '2026-03-05T07:59:59.000Z', 3)).toBe(true);
    expect(reopensFinishedTicket({ resolvedAt, updatedAt: resolvedAt }, '2026-03-05T08:00:00.000Z', 3)).toBe(true);
  });

  it('a message one second past N days opens a new ticket instead', () => {
    expect(reopensFinishedTicket({ resolvedAt, updatedAt: resolvedAt }, '2026-03-05T08:00:01.000Z', 3)).toBe(false);
  });

  it('a ticket closed without a resolution time is measured from its last change', () => {
    expect(reopensFinishedTicket({ resolvedAt: null, updatedAt: resolvedAt }, '2026-03-03T08:00:00.000Z', 1)).toBe(true);
    expect(reopensFinishedTicket({ resolvedAt: null, updatedAt: resolvedAt }, '2026-03-03T08:00:01.000Z', 1)).toBe(false);
  });

  it('zero days means every later message opens a new ticket', () => {
    expect(reopensFinishedTicket({ resolvedAt, updatedAt: resolvedAt }, '2026-03-02T08:00:01.000Z', 0)).toBe(false);
  });

  it('only whole days from 0 to 365 are a valid setting', () => {
    expect([0, 3, 365].every(isValidReopenDays)).toBe(true);
    expect([-1, 1.5, 366, '3', null].some(isValidReopenDays)).toBe(false);
  });
});
