import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TTL_MS } from '@keluh/core';
import { adjustableClock } from '../testing/adjustable-clock.ts';
import { AGENT, startTestApp, type TestApp } from '../testing/test-app.ts';
import { randomTokenService } from './token-service.ts';
import { SessionJanitor } from './session-janitor.ts';

describe('the session janitor', () => {
  const clock = adjustableClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  it('deletes sessions once they have expired, and old sign-in failure counts, and nothing else', async () => {
    const janitor = new SessionJanitor(t.app.services.auth, t.app.log);
    const expiring = await t.login();
    // A mistyped password leaves a count for the account (the address's count is cleared by the next success).
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: AGENT.email, password: 'mistyped-it' } });
    expect(await janitor.sweep()).toEqual({ sessions: 0, loginFailures: 0 });

    clock.advance(SESSION_TTL_MS - 60_000);
    const fresh = await t.login();
    clock.advance(60_000);
    expect(await janitor.sweep()).toEqual({ sessions: 1, loginFailures: 1 });
    expect(await t.db.sessions.findValid(randomTokenService.digest(expiring), clock.now())).toBeNull();
    expect(await t.db.sessions.findValid(randomTokenService.digest(fresh), clock.now())).not.toBeNull();
  });
});
