import { describe, expect, it, vi } from 'vitest';
import {
  createTokenStore,
  createWidgetApi,
  HttpError,
  loadConversation,
  openSession,
  VISITOR_TOKEN_KEY,
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

const invalid = () => new HttpError(401, 'widget.invalid_visitor_token', 'forged');

describe('the visitor session', () => {
  it('resumes with the stored token and stores what the server returns', async () => {
    const storage = memoryStorage({ [VISITOR_TOKEN_KEY]: 'old' });
    const api = { createSession: vi.fn(async () => ({ visitorToken: 'old', visitorId: 'v1' })), conversation: vi.fn() };
    await openSession(api, createTokenStore(storage));
    expect(api.createSession).toHaveBeenCalledWith('old');
    expect(storage.data.get(VISITOR_TOKEN_KEY)).toBe('old');
  });

  it('drops a token the server refuses and starts a fresh session', async () => {
    const storage = memoryStorage({ [VISITOR_TOKEN_KEY]: 'forged' });
    const api = {
      createSession: vi.fn(async (token: string | null) => {
        if (token) throw invalid();
        return { visitorToken: 'fresh', visitorId: 'v2' };
      }),
      conversation: vi.fn(),
    };
    const session = await openSession(api, createTokenStore(storage));
    expect(api.createSession.mock.calls).toEqual([['forged'], [null]]);
    expect(session.visitorToken).toBe('fresh');
    expect(storage.data.get(VISITOR_TOKEN_KEY)).toBe('fresh');
  });

  it('does not throw away the token on other failures', async () => {
    const storage = memoryStorage({ [VISITOR_TOKEN_KEY]: 'kept' });
    const api = { createSession: vi.fn(async () => Promise.reject(new HttpError(503, 'http.503', 'down'))), conversation: vi.fn() };
    await expect(openSession(api, createTokenStore(storage))).rejects.toThrow('down');
    expect(storage.data.get(VISITOR_TOKEN_KEY)).toBe('kept');
  });

  it('replaces a token that dies between the session and the history call', async () => {
    let issued = 0;
    const api: WidgetApi = {
      createSession: async () => ({ visitorToken: `t${++issued}`, visitorId: 'v' }),
      conversation: async (token) => {
        if (token === 't1') throw invalid();
        return { messages: [], lastEventId: 7 };
      },
    };
    const result = await loadConversation(api, createTokenStore(memoryStorage()));
    expect(result.session.visitorToken).toBe('t2');
    expect(result.conversation.lastEventId).toBe(7);
  });

  it('keeps the token in memory when storage is blocked', () => {
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
  });

  it('speaks the widget HTTP API: JSON session body, bearer history, coded errors', async () => {
    const fetchFn = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/sessions')) return new Response(JSON.stringify({ visitorToken: 'x', visitorId: 'y' }), { status: 200 });
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer x');
      return new Response(JSON.stringify({ error: { code: 'widget.invalid_visitor_token', message: 'no' } }), { status: 401 });
    });
    const api = createWidgetApi('https://desk.example', fetchFn);
    await api.createSession(null);
    expect(fetchFn.mock.calls[0]?.[0]).toBe('https://desk.example/api/widget/sessions');
    expect(fetchFn.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', body: '{}' });
    await expect(api.conversation('x')).rejects.toMatchObject({ status: 401, code: 'widget.invalid_visitor_token' });
  });
});
