import { describe, expect, it, vi } from 'vitest';
import type { WidgetSessionResponse } from '@keluh/contracts';
import {
  createTokenStore,
  createWidgetApi,
  HttpError,
  LEGACY_TOKEN_KEY,
  openSession,
  REFRESH_TOKEN_KEY,
  type SessionCredential,
  type WidgetApi,
} from './session.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
    data,
  };
}

const grant = (visitorId: string, n: number): WidgetSessionResponse => ({
  visitorId,
  visitorToken: `access-${n}`,
  visitorTokenExpiresAt: '2026-03-02T08:15:00.000Z',
  refreshToken: `refresh-${n}`,
  refreshTokenExpiresAt: '2026-04-01T08:00:00.000Z',
});
const refused = (code: string, details: Record<string, unknown> = {}) => new HttpError(401, code, 'refused', details);
const api = (createSession: (credential: SessionCredential) => Promise<WidgetSessionResponse>): WidgetApi & { calls: SessionCredential[] } => {
  const calls: SessionCredential[] = [];
  return {
    calls,
    createSession: (credential) => {
      calls.push(credential);
      return createSession(credential);
    },
    conversation: vi.fn(),
  };
};
const noWait = { wait: async () => undefined };

describe('the visitor session', () => {
  it('refreshes with the stored refresh token and stores the new one', async () => {
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'refresh-1' });
    const server = api(async () => grant('v1', 2));
    const session = await openSession(server, createTokenStore(storage));
    expect(server.calls).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(session.visitorToken).toBe('access-2');
    expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('refresh-2');
  });

  it('starts a new visitor when the stored session is expired, revoked or unknown', async () => {
    for (const code of ['widget.token_expired', 'widget.token_revoked', 'widget.invalid_visitor_token']) {
      const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'dead' });
      const server = api(async (credential) => {
        if (credential) throw refused(code);
        return grant('fresh', 1);
      });
      const session = await openSession(server, createTokenStore(storage), noWait);
      expect(server.calls, code).toEqual([{ refreshToken: 'dead' }, null]);
      expect(session.visitorId).toBe('fresh');
      expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('refresh-1');
    }
  });

  it('picks up the token another tab just stored instead of giving up the session', async () => {
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'refresh-1' });
    const server = api(async (credential) => {
      if (credential && 'refreshToken' in credential && credential.refreshToken === 'refresh-1') {
        // The other tab won the race with the same token; its answer lands in storage a moment later.
        storage.data.set(REFRESH_TOKEN_KEY, 'refresh-2');
        throw refused('widget.token_expired', { token: 'refresh', superseded: true });
      }
      return grant('same', 3);
    });
    const session = await openSession(server, createTokenStore(storage), noWait);
    expect(server.calls).toEqual([{ refreshToken: 'refresh-1' }, { refreshToken: 'refresh-2' }]);
    expect(session.visitorId).toBe('same');
  });

  it('does not delete a newer token another tab stored while this one was refused', () => {
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'newer' });
    createTokenStore(storage).clear('spent');
    expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('newer');
  });

  it('keeps the token through network errors and rate limits', async () => {
    for (const failure of [new HttpError(503, 'http.503', 'down'), new HttpError(429, 'rate_limited', 'slow', {}, 30_000), new TypeError('Failed to fetch')]) {
      const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'kept' });
      await expect(openSession(api(async () => Promise.reject(failure)), createTokenStore(storage))).rejects.toBe(failure);
      expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('kept');
    }
  });

  it('exchanges a token from before sessions once and forgets it', async () => {
    const storage = memoryStorage({ [LEGACY_TOKEN_KEY]: 'v1.old' });
    const server = api(async () => grant('old-visitor', 1));
    expect((await openSession(server, createTokenStore(storage))).visitorId).toBe('old-visitor');
    expect(server.calls).toEqual([{ visitorToken: 'v1.old' }]);
    expect(storage.data.has(LEGACY_TOKEN_KEY)).toBe(false);
    expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('refresh-1');
  });

  it('drops a token from before sessions that the server refuses and starts fresh', async () => {
    const storage = memoryStorage({ [LEGACY_TOKEN_KEY]: 'v1.forged' });
    const server = api(async (credential) => {
      if (credential) throw refused('widget.invalid_visitor_token');
      return grant('fresh', 1);
    });
    expect((await openSession(server, createTokenStore(storage))).visitorId).toBe('fresh');
    expect(storage.data.has(LEGACY_TOKEN_KEY)).toBe(false);
  });

  it('keeps the refresh token in memory when storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const store = createTokenStore(blocked);
    store.write('t');
    expect(store.read()).toBe('t');
    store.clear('t');
    expect(store.read()).toBeNull();
  });

  it('speaks the widget HTTP API: JSON session body, bearer history, coded errors with their wait', async () => {
    const fetchFn = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/sessions') && init?.body === '{}') return new Response(JSON.stringify(grant('y', 1)), { status: 200 });
      if (url.endsWith('/sessions')) {
        return new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'slow', details: { retryAfterMs: 12_000 } } }), { status: 429, headers: { 'retry-after': '12' } });
      }
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer access-1');
      return new Response(JSON.stringify({ error: { code: 'widget.token_expired', message: 'no', details: { token: 'access' } } }), { status: 401 });
    });
    const client = createWidgetApi('https://desk.example', fetchFn);
    await client.createSession(null);
    expect(fetchFn.mock.calls[0]?.[0]).toBe('https://desk.example/api/widget/sessions');
    expect(fetchFn.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', body: '{}' });
    await expect(client.createSession({ refreshToken: 'r' })).rejects.toMatchObject({ status: 429, code: 'rate_limited', retryAfterMs: 12_000 });
    expect(fetchFn.mock.calls[1]?.[1]).toMatchObject({ body: '{"refreshToken":"r"}' });
    await expect(client.conversation('access-1')).rejects.toMatchObject({ status: 401, code: 'widget.token_expired', details: { token: 'access' } });
  });
});

describe('a visitor the embedding site signed in', () => {
  const signed = `eyJ1c2VySWQiOiJ1LTEifQ.${'a'.repeat(64)}`;

  it('opens the signed user’s own session before anything stored in this browser', async () => {
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'refresh-1' });
    const server = api(async () => grant('site-user', 5));
    const session = await openSession(server, createTokenStore(storage), { ...noWait, siteIdentity: signed });
    expect(server.calls).toEqual([{ identity: signed }]);
    expect(session.visitorId).toBe('site-user');
    expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('refresh-5');
  });

  it('chats on anonymously when the server refuses the signature', async () => {
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'refresh-1' });
    const server = api(async (credential) => {
      if (credential && 'identity' in credential) throw refused('widget.identity_invalid');
      return grant('v1', 2);
    });
    const session = await openSession(server, createTokenStore(storage), { ...noWait, siteIdentity: signed });
    expect(server.calls).toEqual([{ identity: signed }, { refreshToken: 'refresh-1' }]);
    expect(session.visitorId).toBe('v1');
  });
});
