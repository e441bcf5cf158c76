import type { LoginFailureCount } from '../ports/login-failures.port.ts';
import type { Instant } from '../shared/instant.ts';

export interface ThrottleTier {
  /** Failures in a row (without the count being forgotten) before the key locks. */
  threshold: number;
  /** The first lock; each further failure doubles it, up to the policy's cap. */
  baseLockMs: number;
}

/**
 * Two tiers. One account from one address locks fast: a guesser behind one address stops after a few
 * tries while the real user, signing in from elsewhere, is not locked out by them. The account as a
 * whole locks much later, so guessing spread over many addresses is bounded too.
 */
export interface LoginThrottlePolicy {
  address: ThrottleTier;
  account: ThrottleTier;
  maxLockMs: number;
  /** A count whose last failure is this old starts again from zero. */
  forgetAfterMs: number;
}

export const LOGIN_THROTTLE: LoginThrottlePolicy = {
  address: { threshold: 5, baseLockMs: 30_000 },
  account: { threshold: 20, baseLockMs: 60_000 },
  maxLockMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

/** How long the n-th failure in a row locks the key: nothing below the threshold, then doubling to the cap. */
export function lockDurationMs(failures: number, tier: ThrottleTier, maxLockMs: number): number {
  if (failures < tier.threshold) return 0;
  // Capping the exponent first keeps 2 ** n finite however long an attacker keeps going.
  const doublings = Math.min(failures - tier.threshold, 30);
  return Math.min(maxLockMs, tier.baseLockMs * 2 ** doublings);
}

/** Milliseconds until every lock among these counts has passed; 0 when none holds at `now`. */
export function remainingLockMs(counts: Iterable<LoginFailureCount>, now: Instant): number {
  let remaining = 0;
  for (const count of counts) {
    if (count.lockedUntil) remaining = Math.max(remaining, Date.parse(count.lockedUntil) - Date.parse(now));
  }
  return Math.max(0, remaining);
}

/**
 * The address a failure is counted against. IPv6 hands one subscriber a whole /64, so counting single
 * IPv6 addresses would give a guesser 2^64 fresh starts: they are counted per /64 instead.
 */
export function addressBucket(address: string): string {
  const plain = address.trim().toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!plain.includes(':')) return plain;
  const groups = expandIpv6(plain.split('%')[0]!);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : plain;
}

function expandIpv6(address: string): string[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  return groups.every((group) => /^[0-9a-f]{1,4}$/.test(group)) ? groups.map((group) => group.replace(/^0+(?=.)/, '')) : null;
}

/** The two throttle keys of one attempt (digested before they are stored: they hold what was typed). */
export function throttleKeys(email: string, address: string): { address: string; account: string } {
  const account = `account:${email}`;
  return { account, address: `${account}\naddress:${addressBucket(address)}` };
}
