import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE } from '@keluh/core';
import { adjustableClock } from '../../testing/adjustable-clock.ts';
import { AGENT, startTestApp, type TestApp } from '../../testing/test-app.ts';

const WRONG = { email: AGENT.email, password: 'not-the-password' };
const { threshold, baseLockMs } = LOGIN_THROTTLE.address;

function signIn(t: TestApp, credentials: { email: string; password: string }, forwardedFor?: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
}

/** The error codes of n failed sign-ins (the per-address rate limit would answer 429 `rate_limited`). */
async function failTimes(t: TestApp, n: number, forwardedFor?: string, email = AGENT.email): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i += 1) codes.push((await signIn(t, { email, password: 'not-the-password' }, forwardedFor)).json().error.code);
  return codes;
}

const lockedOnLast = (n: number) => [...Array<string>(n - 1).fill('auth.invalid_credentials'), 'auth.locked'];

describe('repeated failed sign-ins, server reached directly', () => {
  let clock: ReturnType<typeof adjustableClock>;
  let t: TestApp;
  // A fresh app each: every request here comes from one address, which the per-address rate limit counts.
  beforeEach(async () => {
    clock = adjustableClock();
    t = await startTestApp({ clock });
  });
  afterEach(() => t.close());

  it('lock the account, refuse even the right password until the back-off has passed, then double it', async () => {
    expect(await failTimes(t, threshold - 1)).toEqual(Array(threshold - 1).fill('auth.invalid_credentials'));
    const locking = await signIn(t, WRONG);
    expect(locking.statusCode).toBe(429);
    expect(locking.json().error).toMatchObject({ code: 'auth.locked', details: { retryAfterSeconds: baseLockMs / 1000 } });
    expect(locking.headers['retry-after']).toBe(String(baseLockMs / 1000));

    const right = await signIn(t, AGENT);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('auth.locked');
    expect(right.headers['set-cookie']).toBeUndefined();
    // The token endpoint shares the lock.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: AGENT })).statusCode).toBe(429);

    clock.advance(baseLockMs - 5_000);
    expect((await signIn(t, AGENT)).json().error.details.retryAfterSeconds).toBe(5);

    clock.advance(5_000);
    // Past the lock, a further failure locks at once and for twice as long.
    const again = await signIn(t, WRONG);
    expect(again.json().error).toMatchObject({ code: 'auth.locked', details: { retryAfterSeconds: (2 * baseLockMs) / 1000 } });
    clock.advance(2 * baseLockMs);
    expect((await signIn(t, AGENT)).statusCode).toBe(200);
    // Success clears the count: the next mistake is an ordinary one.
    expect((await signIn(t, WRONG)).statusCode).toBe(401);
  });

  it('do not believe X-Forwarded-For without TRUST_PROXY: a made-up address does not escape the lock', async () => {
    const email = 'spoofer-target@keluh.test';
    expect(await failTimes(t, threshold, '203.0.113.1', email)).toEqual(lockedOnLast(threshold));
    const fresh = await signIn(t, { email, password: 'whatever-1' }, '198.51.100.99');
    expect(fresh.json().error.code).toBe('auth.locked');
  });

  it('lock an unknown email exactly like a real one, so the lock reveals no account', async () => {
    expect(await failTimes(t, threshold, undefined, 'ghost@keluh.test')).toEqual(lockedOnLast(threshold));
  });
});

describe('repeated failed sign-ins behind a reverse proxy (TRUST_PROXY=1)', () => {
  const clock = adjustableClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock, config: { TRUST_PROXY: 1 } });
  });
  afterAll(() => t.close());

  it('lock the account for the address that failed, not for the agent signing in from elsewhere', async () => {
    const attacker = '203.0.113.7';
    expect(await failTimes(t, threshold, attacker)).toEqual(lockedOnLast(threshold));
    // The attacker has the right password now: still refused from the locked address…
    expect((await signIn(t, AGENT, attacker)).json().error.code).toBe('auth.locked');
    // …a client's own X-Forwarded-For entry in front of the proxy's changes nothing…
    expect((await signIn(t, AGENT, `198.51.100.20, ${attacker}`)).json().error.code).toBe('auth.locked');
    // …while the real agent, behind the same proxy but at another address, signs in.
    expect((await signIn(t, AGENT, '198.51.100.20')).statusCode).toBe(200);
    clock.advance(baseLockMs);
    expect((await signIn(t, AGENT, attacker)).statusCode).toBe(200);
  });

  it('lock the whole account when guesses come from many addresses', async () => {
    const { threshold: accountThreshold } = LOGIN_THROTTLE.account;
    const email = 'target@keluh.test';
    const codes: string[] = [];
    for (let i = 0; i < accountThreshold; i += 1) codes.push((await signIn(t, { email, password: 'guess' }, `192.0.2.${i + 1}`)).json().error.code);
    expect(codes).toEqual(lockedOnLast(accountThreshold));
    expect((await signIn(t, { email, password: 'guess' }, '192.0.2.200')).json().error.code).toBe('auth.locked');
  });
});

describe('the lock-out across API processes', () => {
  it('is kept in the database, so a second process sharing it refuses the locked account too', async () => {
    const first = await startTestApp();
    const second = await startTestApp({ shareDatabaseWith: first });
    try {
      await failTimes(first, threshold);
      const elsewhere = await signIn(second, AGENT);
      expect(elsewhere.statusCode).toBe(429);
      expect(elsewhere.json().error.code).toBe('auth.locked');
    } finally {
      await first.close();
      await second.close();
    }
  });
});
