import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE } from '@keluh/contracts';
import { connected, startTestApp, type TestApp } from '../testing/test-app.ts';

/** The first connect outcome: 'connected', or the refusal's code and data. */
async function outcome(socket: Socket): Promise<{ code: string; data?: unknown }> {
  try {
    await connected(socket);
    return { code: 'connected' };
  } catch (error) {
    return { code: (error as Error).message, data: (error as { data?: unknown }).data };
  } finally {
    socket.disconnect();
  }
}

describe('which pages may open the console socket (/agent)', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp({ config: { CONSOLE_ORIGINS: ['http://localhost:5173'] } });
    cookie = await t.consoleLogin();
  });
  afterAll(() => t.close());

  it("accepts the console's own origin with the session cookie", async () => {
    expect(await outcome(t.consoleSocket(cookie, t.url))).toEqual({ code: 'connected' });
  });

  it('refuses another site with a coded error, even holding a valid session', async () => {
    const refused = await outcome(t.consoleSocket(cookie, 'https://evil.example'));
    expect(refused).toMatchObject({ code: 'socket.origin_rejected', data: { code: 'socket.origin_rejected' } });
    const token = await t.login();
    const withBearer = connect(`${t.url}${AGENT_NAMESPACE}`, { transports: ['websocket'], auth: { token }, extraHeaders: { origin: 'https://evil.example' } });
    expect((await outcome(withBearer)).code).toBe('socket.origin_rejected');
  });

  it('refuses the session cookie without an Origin, which no browser handshake lacks', async () => {
    expect((await outcome(t.consoleSocket(cookie, null))).code).toBe('socket.origin_rejected');
  });

  it('accepts an API client with a bearer token and no Origin', async () => {
    expect(await outcome(t.agentSocket(await t.login()))).toEqual({ code: 'connected' });
  });

  it('accepts the origins listed in CONSOLE_ORIGINS', async () => {
    expect(await outcome(t.consoleSocket(cookie, 'http://localhost:5173'))).toEqual({ code: 'connected' });
  });
});

describe('which pages may open the widget socket (/visitor)', () => {
  const visitor = (t: TestApp, visitorToken: string, origin: string | null) =>
    connect(`${t.url}${VISITOR_NAMESPACE}`, { transports: ['websocket'], auth: { visitorToken }, ...(origin ? { extraHeaders: { origin } } : {}) });

  describe('with WIDGET_ORIGINS left at its default (*)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('accepts any site, and clients without Origin', async () => {
      const { visitorToken } = await t.newVisitor();
      for (const origin of ['https://any-shop.example', t.url, null]) expect((await outcome(visitor(t, visitorToken, origin))).code, String(origin)).toBe('connected');
    });
  });

  describe('with WIDGET_ORIGINS listing the shop', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ config: { WIDGET_ORIGINS: ['https://shop.example'] } });
    });
    afterAll(() => t.close());

    it('accepts our own widget iframe and the listed shop', async () => {
      const { visitorToken } = await t.newVisitor();
      expect((await outcome(visitor(t, visitorToken, t.url))).code).toBe('connected');
      expect((await outcome(visitor(t, visitorToken, 'https://shop.example'))).code).toBe('connected');
    });

    it('refuses other sites and handshakes without Origin, before looking at the visitor token', async () => {
      const { visitorToken } = await t.newVisitor();
      expect(await outcome(visitor(t, visitorToken, 'https://other-shop.example'))).toMatchObject({ code: 'socket.origin_rejected', data: { code: 'socket.origin_rejected' } });
      expect((await outcome(visitor(t, visitorToken, null))).code).toBe('socket.origin_rejected');
      expect((await outcome(visitor(t, 'forged', 'https://other-shop.example'))).code).toBe('socket.origin_rejected');
    });
  });
});
