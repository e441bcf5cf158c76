import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { addMilliseconds } from '@keluh/core';
import { randomTokenService } from '../security/token-service.ts';
import { connected, nextEvent, startTestApp, type TestApp } from '../testing/test-app.ts';

/** Resolves with the disconnect reason, or rejects if the socket is still connected after `ms`. */
function disconnection(socket: Socket, ms = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket was not disconnected')), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describe('live sockets and the session they were opened with', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const logout = (cookie: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { host: new URL(t.url).host, origin: t.url, 'content-type': 'application/json' },
      cookies: { keluh_session: cookie },
      payload: {},
    });

  it('signing out cuts every socket of that session at once, and leaves other sessions connected', async () => {
    const [signedOut, other] = [await t.consoleLogin(), await t.consoleLogin()];
    const tabs = [t.consoleSocket(signedOut), t.consoleSocket(signedOut)];
    const bystander = t.consoleSocket(other);
    await Promise.all([...tabs, bystander].map(connected));

    const told = tabs.map((socket) => nextEvent<{ code: string }>(socket, 'session.ended', () => true, 1000));
    const cut = tabs.map((socket) => disconnection(socket));
    expect((await logout(signedOut)).statusCode).toBe(204);
    expect((await Promise.all(told)).map((reason) => reason.code)).toEqual(['auth.unauthenticated', 'auth.unauthenticated']);
    // A server-side disconnect: socket.io does not reconnect by itself.
    expect(await Promise.all(cut)).toEqual(['io server disconnect', 'io server disconnect']);

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bystander.connected).toBe(true);
    expect(tabs.every((socket) => !socket.active)).toBe(true);
  });

  it('an API client signing out with its bearer token cuts its sockets too', async () => {
    const token = await t.login();
    const socket = t.agentSocket(token);
    await connected(socket);
    const cut = disconnection(socket);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(await cut).toBe('io server disconnect');
  });

  it('a socket is cut the moment its session expires', async () => {
    const token = randomTokenService.newToken();
    const now = new Date().toISOString();
    await t.db.sessions.create({ tokenHash: randomTokenService.digest(token), userId: t.agentId, createdAt: now, expiresAt: addMilliseconds(now, 600) });
    const socket = t.agentSocket(token);
    await connected(socket);
    const ended = nextEvent<{ code: string }>(socket, 'session.ended', () => true, 2000);
    expect(await disconnection(socket, 2000)).toBe('io server disconnect');
    expect((await ended).code).toBe('auth.unauthenticated');
    // Reconnecting with it is refused as well.
    socket.connect();
    const refused = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(refused.message).toBe('auth.unauthenticated');
  });

  it('a sync after the session is gone is refused and the socket cut', async () => {
    const cookie = await t.consoleLogin();
    const socket = t.consoleSocket(cookie);
    await connected(socket);
    expect((await socket.emitWithAck('sync', { lastEventId: 0 })).ok).toBe(true);
    // Signed out where no room broadcast reaches this process (no shared adapter): the row is simply gone.
    await t.db.sessions.delete(randomTokenService.digest(cookie));
    const cut = disconnection(socket);
    const answer = await socket.emitWithAck('sync', { lastEventId: 0 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'auth.unauthenticated' } });
    expect(await cut).toBe('io server disconnect');
  });
});
