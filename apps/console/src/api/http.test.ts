import { describe, expect, it, vi } from 'vitest';
import { ApiError, createHttp } from './http.ts';

function reply(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('the API client', () => {
  it('sends the bearer token and the JSON body, and drops empty query values', async () => {
    const fetch = vi.fn(async () => reply(200, { ok: true }));
    const http = createHttp({ getToken: () => 'tok', fetch });
    await http('/api/tickets', { method: 'POST', body: { a: 1 }, query: { status: 'open', channel: '', cursor: undefined } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/tickets?status=open');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(init.body).toBe('{"a":1}');
  });

  it('turns a coded error body into an ApiError with that code', async () => {
    const http = createHttp({
      getToken: () => null,
      fetch: async () => reply(409, { error: { code: 'channel.window_closed', message: 'closed' } }),
    });
    await expect(http('/x')).rejects.toMatchObject({ code: 'channel.window_closed', status: 409 });
  });

  it('reports a 401 so the session can be dropped', async () => {
    const onUnauthorized = vi.fn();
    const http = createHttp({
      getToken: () => 'old',
      onUnauthorized,
      fetch: async () => reply(401, { error: { code: 'auth.unauthenticated', message: 'no' } }),
    });
    await expect(http('/api/auth/me')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('gives a generic code when the server answers without a coded body', async () => {
    const http = createHttp({ getToken: () => null, fetch: async () => new Response('<html>', { status: 502 }) });
    await expect(http('/x')).rejects.toMatchObject({ code: 'client.bad_response', status: 502 });
  });

  it('gives a network code when the request never reaches the server', async () => {
    const http = createHttp({
      getToken: () => null,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(http('/x')).rejects.toMatchObject({ code: 'client.network' });
  });

  it('resolves 204 as undefined', async () => {
    const http = createHttp({ getToken: () => null, fetch: async () => new Response(null, { status: 204 }) });
    await expect(http('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});
