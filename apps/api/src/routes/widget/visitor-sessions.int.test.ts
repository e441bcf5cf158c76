import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage, REFRESH_REUSE_GRACE_MS, type InboundMessageEvent } from '@keluh/core';
import type { WidgetSessionResponse } from '@keluh/contracts';
import { adjustableClock } from '../../testing/adjustable-clock.ts';
import { connected, startTestApp, type TestApp } from '../../testing/test-app.ts';
import { legacyVisitorToken } from '../../security/visitor-token.ts';

const MINUTE = 60_000;
type Ack = { ok: true; message: { id: number; ticketId: number } } | { ok: false; error: { code: string } };

describe('widget visitor sessions: expiry, refresh and revocation', () => {
  let t: TestApp;
  const clock = adjustableClock();
  let staff: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    staff = { authorization: `Bearer ${await t.loginAdmin()}` };
  });
  afterAll(() => t.close());

  const conversation = (visitorToken: string) =>
    t.app.inject({ method: 'GET', url: '/api/widget/conversation', headers: { authorization: `Bearer ${visitorToken}` } });
  const refresh = (refreshToken: string) => t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { refreshToken } });
  const codeOf = (response: { json(): unknown }) => (response.json() as { error?: { code: string } }).error?.code;
  const send = (socket: ReturnType<TestApp['visitorSocket']>, clientMessageId: string, body: string): Promise<Ack> =>
    new Promise((resolve) => socket.emit('message.send', { clientMessageId, body }, resolve as never));
  /** The handshake's refusal: socket.io reports the middleware's error message and data. */
  const handshakeRefusal = async (visitorToken: string) => {
    const socket = t.visitorSocket(visitorToken);
    const error = await new Promise<Error & { data?: { code: string } }>((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    return { message: error.message, code: error.data?.code };
  };

  it('refuses an expired access token on HTTP and on the socket, and a refresh keeps the visitor and their history', async () => {
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);
    const first = await send(socket, 'expiry-00001', 'Paket saya belum sampai');
    if (!first.ok) throw new Error('send failed');
    socket.disconnect();

    clock.advance(16 * MINUTE);
    const expired = await conversation(visitor.visitorToken);
    expect(expired.statusCode).toBe(401);
    expect(codeOf(expired)).toBe('widget.token_expired');
    expect(await handshakeRefusal(visitor.visitorToken)).toEqual({ message: 'widget.token_expired', code: 'widget.token_expired' });

    const refreshed = await refresh(visitor.refreshToken);
    expect(refreshed.statusCode).toBe(200);
    const next = refreshed.json<WidgetSessionResponse>();
    expect(next.visitorId).toBe(visitor.visitorId);
    expect(next.visitorToken).not.toBe(visitor.visitorToken);
    expect(next.refreshToken).not.toBe(visitor.refreshToken);
    expect(Date.parse(next.visitorTokenExpiresAt) - Date.parse(clock.now())).toBeLessThanOrEqual(15 * MINUTE);

    const history = await conversation(next.visitorToken);
    expect(history.statusCode).toBe(200);
    expect(history.json<{ messages: { body: string }[] }>().messages.map((m) => m.body)).toEqual(['Paket saya belum sampai']);
    const again = t.visitorSocket(next.visitorToken);
    await connected(again);
    const second = await send(again, 'expiry-00002', 'Sudah 5 hari');
    expect(second.ok && second.message.ticketId).toBe(first.message.ticketId);
    again.disconnect();
  });

  it('spends a refresh token on use: a replay just after is told to use the newer one, a later replay ends the session', async () => {
    const visitor = await t.newVisitor();
    const rotated = (await refresh(visitor.refreshToken)).json<WidgetSessionResponse>();
    const live = t.visitorSocket(rotated.visitorToken);
    await connected(live);

    // Another tab of the same browser, a moment late with the token it read: not an attack.
    const late = await refresh(visitor.refreshToken);
    expect(late.statusCode).toBe(401);
    expect(late.json()).toMatchObject({ error: { code: 'widget.token_expired', details: { token: 'refresh', superseded: true } } });
    expect((await conversation(rotated.visitorToken)).statusCode).toBe(200);

    // Much later the spent token comes back: two parties hold it, so nobody keeps the session.
    clock.advance(REFRESH_REUSE_GRACE_MS);
    const disconnected = new Promise((resolve) => live.once('disconnect', resolve));
    const replay = await refresh(visitor.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(codeOf(replay)).toBe('widget.token_revoked');
    expect(await disconnected).toBe('io server disconnect');
    expect(codeOf(await conversation(rotated.visitorToken))).toBe('widget.token_revoked');
    expect(codeOf(await refresh(rotated.refreshToken))).toBe('widget.token_revoked');
    expect((await handshakeRefusal(rotated.visitorToken)).code).toBe('widget.token_revoked');
  });

  it("lets staff end a visitor's sessions: the open chat disconnects and every token is refused", async () => {
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);
    const agent = { authorization: `Bearer ${await t.login()}` };
    const url = `/api/widget/visitors/${visitor.visitorId}/sessions`;
    expect((await t.app.inject({ method: 'DELETE', url, headers: agent })).statusCode).toBe(403);
    expect((await conversation(visitor.visitorToken)).statusCode).toBe(200);

    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    const revoked = await t.app.inject({ method: 'DELETE', url, headers: staff });
    expect(revoked.json()).toEqual({ revoked: 1 });
    expect(await disconnected).toBe('io server disconnect');
    const refused = await conversation(visitor.visitorToken);
    expect(refused.statusCode).toBe(401);
    expect(codeOf(refused)).toBe('widget.token_revoked');
    expect(await handshakeRefusal(visitor.visitorToken)).toEqual({ message: 'widget.token_revoked', code: 'widget.token_revoked' });
    expect(codeOf(await refresh(visitor.refreshToken))).toBe('widget.token_revoked');
    expect((await t.app.inject({ method: 'DELETE', url, headers: staff })).json()).toEqual({ revoked: 0 });
  });

  it('lets an idle session expire: its refresh token is refused after 30 days without use', async () => {
    const visitor = await t.newVisitor();
    clock.advance(29 * 24 * 60 * MINUTE);
    const kept = (await refresh(visitor.refreshToken)).json<WidgetSessionResponse>();
    clock.advance(30 * 24 * 60 * MINUTE + 1000);
    const refused = await refresh(kept.refreshToken);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: { code: 'widget.token_expired', details: { token: 'refresh' } } });
  });

  it('refuses tokens with surrounding spaces or extra segments on HTTP, on the socket and in a refresh', async () => {
    const visitor = await t.newVisitor();
    const token = visitor.visitorToken;
    for (const header of [`Bearer  ${token}`, `Bearer ${token}.extra`, `Bearer ${token}.`, `Bearer ${token} ${token}`, `Bearer\t${token}`, `Bearer %20${token}`]) {
      const response = await t.app.inject({ method: 'GET', url: '/api/widget/conversation', headers: { authorization: header } });
      expect(response.statusCode, header).toBe(401);
      expect(codeOf(response), header).toBe('widget.invalid_visitor_token');
    }
    for (const presented of [` ${token}`, `${token} `, `${token}\n`, `${token}.extra`, `extra.${token}`]) {
      expect((await handshakeRefusal(presented)).code, JSON.stringify(presented)).toBe('widget.invalid_visitor_token');
    }
    for (const presented of [` ${visitor.refreshToken}`, `${visitor.refreshToken} `, `${visitor.refreshToken}.extra`]) {
      expect(codeOf(await refresh(presented)), JSON.stringify(presented)).toBe('widget.invalid_visitor_token');
    }
    // None of those spent the real refresh token.
    expect((await refresh(visitor.refreshToken)).statusCode).toBe(200);
  });

  it('exchanges a token from before sessions once, keeping that visitor and their conversation', async () => {
    const secret = (await t.db.settings.get('visitor_token_secret'))!;
    const visitorId = 'c0ffee'.padEnd(32, '0');
    const event = t.app.services.webchat.parse({ type: 'message', visitorId, clientMessageId: 'legacy-00001', body: 'Pesanan lama saya', receivedAt: clock.now() })[0] as InboundMessageEvent;
    await ingestMessage(t.app.services.core, event);

    const legacy = legacyVisitorToken(secret, visitorId);
    const upgraded = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorToken: legacy } });
    expect(upgraded.statusCode).toBe(200);
    const grant = upgraded.json<WidgetSessionResponse>();
    expect(grant.visitorId).toBe(visitorId);
    expect(grant.refreshToken).toMatch(/^r1\./);
    expect((await conversation(grant.visitorToken)).json<{ messages: { body: string }[] }>().messages.map((m) => m.body)).toEqual(['Pesanan lama saya']);

    const twice = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorToken: legacy } });
    expect(twice.statusCode).toBe(401);
    expect(codeOf(twice)).toBe('widget.invalid_visitor_token');
    // An old token is no bearer token any more.
    expect(codeOf(await conversation(legacy))).toBe('widget.invalid_visitor_token');
  });
});
