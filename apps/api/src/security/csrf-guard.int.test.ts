import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage, systemClock } from '@keluh/core';
import { AGENT, startTestApp, type TestApp } from '../testing/test-app.ts';

const HOST = 'desk.example';
const OWN = `https://${HOST}`;

describe('changes made with the console session cookie (CSRF)', () => {
  let t: TestApp;
  let cookie: string;
  let ticketId: number;

  const reply = (headers: Record<string, string>, payload: string = JSON.stringify({ body: 'Mohon maaf, Kak' })) =>
    t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/messages`, headers: { host: HOST, ...headers }, cookies: { keluh_session: cookie }, payload });
  const messageCount = async () => (await t.db.messages.listForTicket(ticketId)).length;

  beforeAll(async () => {
    t = await startTestApp();
    cookie = await t.consoleLogin();
    const created = await ingestMessage(
      { db: t.db, clock: systemClock, events: { publish: () => undefined } },
      { kind: 'message', channel: 'webchat', externalMessageId: 'csrf-1', sender: { externalId: 'visitor-csrf', displayName: 'Sari' }, body: 'Paket rusak', sentAt: new Date().toISOString() },
    );
    ticketId = created.ticket.id;
  });
  afterAll(() => t.close());

  it("go through from the console's own page with a JSON body", async () => {
    const before = await messageCount();
    const response = await reply({ origin: OWN, 'content-type': 'application/json' });
    expect(response.statusCode).toBe(201);
    expect(await messageCount()).toBe(before + 1);
  });

  it('are refused from another site, and nothing is stored', async () => {
    const before = await messageCount();
    const response = await reply({ origin: 'https://evil.example', 'content-type': 'application/json' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'auth.csrf_rejected', details: { reason: 'cross_origin' } });
    expect(await messageCount()).toBe(before);
  });

  it('are refused from a sibling subdomain, which SameSite=Lax would let the cookie reach', async () => {
    const response = await reply({ origin: `https://shop.${HOST}`, 'content-type': 'application/json' });
    expect(response.json().error.code).toBe('auth.csrf_rejected');
  });

  it('are refused when the request does not say where it comes from', async () => {
    const before = await messageCount();
    const response = await reply({ 'content-type': 'application/json' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'auth.csrf_rejected', details: { reason: 'origin_missing' } });
    expect((await reply({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect(await messageCount()).toBe(before);
  });

  it('accept Sec-Fetch-Site: same-origin in place of a missing Origin', async () => {
    expect((await reply({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
  });

  it('are refused with a form content type even from our own origin, as an HTML form would send them', async () => {
    const before = await messageCount();
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const response = await reply({ origin: OWN, 'content-type': contentType }, '{"body":"dari form"}');
      expect(response.statusCode, contentType).toBe(403);
      expect(response.json().error).toMatchObject({ code: 'auth.csrf_rejected', details: { reason: 'content_type' } });
    }
    expect(await messageCount()).toBe(before);
  });

  it('cannot sign the console out from another site', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { host: HOST, origin: 'https://evil.example', 'content-type': 'text/plain' },
      cookies: { keluh_session: cookie },
      payload: '',
    });
    expect(response.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { keluh_session: cookie } })).statusCode).toBe(200);
  });

  it('leave reads alone: a GET with the cookie needs no Origin', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/tickets/${ticketId}`, cookies: { keluh_session: cookie } })).statusCode).toBe(200);
  });

  it('do not apply to a bearer token, which no other site can make a browser send', async () => {
    const token = await t.login();
    const before = await messageCount();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${ticketId}/messages`,
      headers: { authorization: `Bearer ${token}`, origin: 'https://integration.example', 'content-type': 'application/json' },
      payload: { body: 'Dari integrasi' },
    });
    expect(response.statusCode).toBe(201);
    expect(await messageCount()).toBe(before + 1);
    // Without Origin too, as curl sends it.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(204);
  });

  it('refuse signing the console in from another site (login CSRF) but let API clients sign in', async () => {
    const foreign = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { host: HOST, origin: 'https://evil.example' }, payload: AGENT });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('auth.csrf_rejected');
    expect(foreign.headers['set-cookie']).toBeUndefined();
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: AGENT })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { host: HOST, origin: OWN }, payload: AGENT })).statusCode).toBe(200);
  });
});

describe('origins allowed besides our own', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { PUBLIC_URL: 'https://help.example.com', CONSOLE_ORIGINS: ['http://localhost:5173'] } });
  });
  afterAll(() => t.close());

  const logout = async (origin: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      // A proxy that rewrites Host: the server sees its own address, the browser's Origin is the public one.
      headers: { host: '127.0.0.1:3000', origin, 'content-type': 'application/json' },
      cookies: { keluh_session: await t.consoleLogin() },
      payload: {},
    });

  it('are PUBLIC_URL (behind a proxy that rewrites Host) and the CONSOLE_ORIGINS list, nothing else', async () => {
    expect((await logout('https://help.example.com')).statusCode).toBe(204);
    expect((await logout('http://localhost:5173')).statusCode).toBe(204);
    expect((await logout('http://localhost:5174')).statusCode).toBe(403);
    expect((await logout('http://help.example.com')).statusCode).toBe(403);
  });
});
