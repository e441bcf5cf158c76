import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TTL_MS } from '@keluh/core';
import { adjustableClock } from '../testing/adjustable-clock.ts';
import { AGENT, eventually, startTestApp, type TestApp } from '../testing/test-app.ts';
import { randomTokenService } from './token-service.ts';

describe('the session sweep', () => {
  const clock = adjustableClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  /** Lets the recurring sweep come due and waits until it has run (its next run moved on). */
  async function sweep(): Promise<void> {
    const before = (await t.db.jobs.findByKey('janitor.sessions', 'recurring'))!.runAt;
    clock.advance(Math.max(0, Date.parse(before) - Date.parse(clock.now())));
    t.app.services.jobs.kick();
    await eventually(async () => expect(((await t.db.jobs.findByKey('janitor.sessions', 'recurring'))?.runAt ?? '') > before).toBe(true));
  }

  it('deletes sessions once they have expired, and old sign-in failure counts, and nothing else', async () => {
    const expiring = await t.login();
    // A mistyped password leaves a count for the account (the address's count is cleared by the next success).
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: AGENT.email, password: 'mistyped-it' } });
    await sweep();
    expect(await t.db.sessions.findValid(randomTokenService.digest(expiring), clock.now())).not.toBeNull();

    clock.advance(SESSION_TTL_MS - 60_000);
    const fresh = await t.login();
    clock.advance(60_000);
    await sweep();
    // Had the sweep not run, these would find (and remove) the expired session and the month-old failure.
    expect(await t.db.sessions.purgeExpired(clock.now())).toBe(0);
    expect(await t.db.loginFailures.purgeStale(clock.now(), clock.now())).toBe(0);
    expect(await t.db.sessions.findValid(randomTokenService.digest(fresh), clock.now())).not.toBeNull();
  });
});
