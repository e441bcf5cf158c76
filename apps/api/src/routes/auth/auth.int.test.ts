import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { AGENT_NAMESPACE } from '@keluh/contracts';
import { AGENT, connected, startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('signing in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs the console in with an httpOnly SameSite=Lax cookie and keeps the token out of the answer', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'AGENT@keluh.test', password: AGENT.password } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'keluh_session')!;
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // Plain http here: a Secure cookie would never come back.
    expect(cookie.secure).toBeUndefined();
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'user']);
    expect(response.body).not.toContain(cookie.value);
    expect(body.user).toMatchObject({ email: AGENT.email, role: 'agent' });
    expect(body.user.passwordHash).toBeUndefined();
  });

  it('gives an API client that asks /api/auth/token a bearer token and no cookie', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: AGENT });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ tokenType: 'Bearer', user: { email: AGENT.email } });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(response.headers['set-cookie']).toBeUndefined();
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.statusCode).toBe(200);
  });

  it('refuses a wrong password with auth.invalid_credentials', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: AGENT.email, password: 'nope-nope' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.invalid_credentials');
  });

  it('refuses an unknown email with the same code, revealing nothing', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ghost@keluh.test', password: 'whatever1' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.invalid_credentials');
  });

  it('names the missing fields of an incomplete login', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: AGENT.email } });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('validation.failed');
    expect(error.details.issues.map((issue: { path: string }) => issue.path)).toContain('body.password');
  });

  it('answers malformed JSON with request.malformed_json', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "agent@keluh.test", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.malformed_json');
    expect(response.body).not.toMatch(/at .*\.js/);
  });

  it('keeps the API closed without a session', async () => {
    for (const url of ['/api/tickets', '/api/tickets/1', '/api/users', '/api/auth/me']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json().error.code).toBe('auth.unauthenticated');
    }
  });

  it('refuses a made-up bearer token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/tickets', headers: { authorization: 'Bearer made-up-token' } });
    expect(response.statusCode).toBe(401);
  });

  it('accepts the session cookie as well as the bearer header', async () => {
    const token = await t.login();
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { keluh_session: token } });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.email).toBe(AGENT.email);
  });

  it('ends the session on logout', async () => {
    const token = await t.login();
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
  });

  it('accepts the session cookie in the socket handshake, as the console sends it', async () => {
    const token = await t.consoleLogin();
    const socket = connect(`${t.url}${AGENT_NAMESPACE}`, {
      transports: ['websocket'],
      extraHeaders: { cookie: `theme=dark; keluh_session=${encodeURIComponent(token)}`, origin: t.url },
    });
    await connected(socket);
    expect(socket.connected).toBe(true);
    socket.disconnect();
  });

  it('refuses a socket connection without a valid session', async () => {
    const socket = t.agentSocket('forged');
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('auth.unauthenticated');
    socket.disconnect();
  });
});
