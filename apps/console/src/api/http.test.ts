import { describe, expect, it, vi } from 'vitest';
import { ApiError, createHttp } from './http.ts';

function reply(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('the API client', () => {
  it('sends the JSON body with the same-origin cookie and no token of its own, and drops empty query values', async () => {
    const fetch = vi.fn(async () => reply(200, { ok: true }));
    const http = createHttp({ fetch });
    await http('/api/tickets', { method: 'POST', body: { a: 1 }, query: { status: 'open', channel: '', cursor: undefined } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/tickets?status=open');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>).authorization).toBeUndefined();
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(init.body).toBe('{"a":1}');
  });

  it('sends every change as JSON, even without a body, as the CSRF check requires', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    const http = createHttp({ fetch });
    await http('/api/auth/logout', { method: 'POST' });
    await http('/api/auth/me');
    const [change, read] = (fetch.mock.calls as unknown as [string, RequestInit][]).map(([, init]) => init);
    expect((change!.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(change!.body).toBe('{}');
    expect((read!.headers as Record<string, string>)['content-type']).toBeUndefined();
    expect(read!.body).toBeUndefined();
  });

  it('turns a coded error body into an ApiError with that code', async () => {
    const http = createHttp({
      fetch: async () => reply(409, { error: { code: 'channel.window_closed', message: 'closed' } }),
    });
    await expect(http('/x')).rejects.toMatchObject({ code: 'channel.window_closed', status: 409 });
  });

  it('reports a 401 so the session can be dropped', async () => {
    const onUnauthorized = vi.fn();
    const http = createHttp({
      onUnauthorized,
      fetch: async () => reply(401, { error: { code: 'auth.unauthenticated', message: 'no' } }),
    });
    await expect(http('/api/auth/me')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('gives a generic code when the server answers without a coded body', async () => {
    const http = createHttp({ fetch: async () => new Response('<html>', { status: 502 }) });
    await expect(http('/x')).rejects.toMatchObject({ code: 'client.bad_response', status: 502 });
  });

  it('gives a network code when the request never reaches the server', async () => {
    const http = createHttp({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(http('/x')).rejects.toMatchObject({ code: 'client.network' });
  });

  it('resolves 204 as undefined', async () => {
    const http = createHttp({ fetch: async () => new Response(null, { status: 204 }) });
    await expect(http('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});
