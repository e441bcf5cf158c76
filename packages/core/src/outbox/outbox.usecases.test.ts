import { describe, expect, it } from 'vitest';
import { backoffMs } from './outbox.usecases.ts';

describe('retry back-off for outbound messages', () => {
  it('doubles from two seconds and stops growing at five minutes', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffMs(20)).toBe(300_000);
  });
});
