import { describe, expect, it } from 'vitest';
import { addressBucket, LOGIN_THROTTLE, lockDurationMs, remainingLockMs, throttleKeys } from './login-throttle.rules.ts';

const tier = { threshold: 5, baseLockMs: 30_000 };

describe('sign-in lock-out rules', () => {
  it('lock nothing below the threshold, then double each failure up to the cap', () => {
    expect([1, 4, 5, 6, 7].map((n) => lockDurationMs(n, tier, 15 * 60_000))).toEqual([0, 0, 30_000, 60_000, 120_000]);
    expect(lockDurationMs(10, tier, 15 * 60_000)).toBe(15 * 60_000);
    expect(lockDurationMs(1_000_000, tier, 15 * 60_000)).toBe(15 * 60_000);
  });

  it('the account as a whole locks far later than one account from one address', () => {
    expect(LOGIN_THROTTLE.account.threshold).toBeGreaterThan(LOGIN_THROTTLE.address.threshold * 2);
  });

  it('wait for the furthest lock still ahead, and not at all once every lock has passed', () => {
    const now = '2026-03-02T08:00:00.000Z';
    const counts = [
      { failures: 5, lastFailureAt: now, lockedUntil: '2026-03-02T08:00:30.000Z' },
      { failures: 9, lastFailureAt: now, lockedUntil: '2026-03-02T08:02:00.000Z' },
      { failures: 2, lastFailureAt: now, lockedUntil: null },
    ];
    expect(remainingLockMs(counts, now)).toBe(120_000);
    expect(remainingLockMs(counts, '2026-03-02T08:05:00.000Z')).toBe(0);
  });

  it('count IPv4 addresses singly and IPv6 ones per /64, however they are written', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('2001:db8:0:1::abcd')).toBe('2001:db8:0:1::/64');
    expect(addressBucket('2001:0DB8:0000:0001:ffff:0:0:1')).toBe('2001:db8:0:1::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
  });

  it('key one account from one address apart from the account as a whole', () => {
    const keys = throttleKeys('agent@keluh.test', '203.0.113.7');
    expect(keys.account).toBe('account:agent@keluh.test');
    expect(keys.address).not.toBe(keys.account);
    expect(throttleKeys('agent@keluh.test', '2001:db8:0:1::1').address).toBe(throttleKeys('agent@keluh.test', '2001:db8:0:1::2').address);
  });
});
