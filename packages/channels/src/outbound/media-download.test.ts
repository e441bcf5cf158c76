import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGuardedFetch } from './guarded-fetch.ts';
import { startLocalServer, type LocalServer } from './local-server.testkit.ts';
import { downloadMedia, type MediaRules } from './media-download.ts';
import { parseAllowHosts } from './url.rules.ts';

describe('downloading channel media under the guard', () => {
  let cdn: LocalServer;
  let other: LocalServer;
  let streamed = 0;
  let rules: MediaRules;

  beforeAll(async () => {
    other = await startLocalServer((_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end('other'));
    cdn = await startLocalServer((request, response) => {
      const path = request.url ?? '/';
      if (path === '/photo') return response.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
      if (path === '/hop') return response.writeHead(302, { location: '/photo' }).end();
      if (path === '/to-other') return response.writeHead(307, { location: `${other.url}/x` }).end();
      if (path === '/to-private') return response.writeHead(302, { location: 'https://10.20.30.40/photo.jpg' }).end();
      if (path === '/to-metadata') return response.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/iam/' }).end();
      if (path === '/loop') return response.writeHead(302, { location: '/loop' }).end();
      if (path === '/declared-huge') return response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(50 * 1024 * 1024) }).end();
      if (path === '/endless') {
        response.writeHead(200, { 'content-type': 'video/mp4' });
        const chunk = Buffer.alloc(16 * 1024, 7);
        const pump = () => {
          while (!response.destroyed && streamed < 20 * 1024 * 1024) {
            streamed += chunk.length;
            if (!response.write(chunk)) return response.once('drain', pump);
          }
          response.end();
        };
        return pump();
      }
      if (path === '/trickle') {
        response.writeHead(200, { 'content-type': 'image/jpeg' });
        const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write('x')), 50);
        return undefined;
      }
      response.writeHead(404).end();
    });
  });
  afterAll(async () => {
    await cdn.close();
    await other.close();
  });
  beforeEach(() => {
    cdn.hits.length = 0;
    other.hits.length = 0;
    streamed = 0;
    rules = { hosts: ['lookaside.fbsbx.com'], allowHosts: parseAllowHosts(`127.0.0.1:${cdn.port},127.0.0.1:${other.port}`), maxBytes: 64 * 1024, timeoutMs: 2_000 };
  });
  const fetcher = () => createGuardedFetch({ allowHosts: rules.allowHosts });

  it('follows a redirect on the same host and keeps the token for it', async () => {
    const result = await downloadMedia(fetcher(), `${cdn.url}/hop`, { authorization: 'Bearer wa-token' }, rules);
    expect(result).toMatchObject({ ok: true, status: 200, contentType: 'image/jpeg' });
    expect(result.bytes).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    expect(cdn.hits.map((hit) => [hit.url, hit.headers.authorization])).toEqual([
      ['/hop', 'Bearer wa-token'],
      ['/photo', 'Bearer wa-token'],
    ]);
  });

  it('never hands the bearer token to another origin a redirect points at', async () => {
    await downloadMedia(fetcher(), `${cdn.url}/to-other`, { authorization: 'Bearer wa-token' }, rules);
    expect(other.hits).toHaveLength(1);
    expect(other.hits[0]?.headers.authorization).toBeUndefined();
  });

  it.each([
    ['/to-private', { kind: 'address', reason: 'private', address: '10.20.30.40' }],
    ['/to-metadata', { kind: 'url', reason: 'scheme' }],
  ])('refuses a redirect hop %s like a first URL', async (path, refusal) => {
    await expect(downloadMedia(fetcher(), `${cdn.url}${path}`, {}, rules)).rejects.toMatchObject({ name: 'OutboundBlockedError', refusal });
  });

  it('stops after five redirects', async () => {
    await expect(downloadMedia(fetcher(), `${cdn.url}/loop`, {}, rules)).rejects.toMatchObject({ name: 'OutboundLimitError', limit: 'redirects' });
    expect(cdn.hits).toHaveLength(6);
  });

  it('refuses a file whose declared size is over the cap without reading it', async () => {
    await expect(downloadMedia(fetcher(), `${cdn.url}/declared-huge`, {}, rules)).rejects.toMatchObject({ limit: 'too_large' });
  });

  it('cuts a stream off once it passes the cap, long before the sender is done', async () => {
    await expect(downloadMedia(fetcher(), `${cdn.url}/endless`, {}, rules)).rejects.toMatchObject({ limit: 'too_large' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(streamed).toBeLessThan(4 * 1024 * 1024);
  });

  it('cuts a download that trickles past the deadline', async () => {
    const started = Date.now();
    await expect(downloadMedia(fetcher(), `${cdn.url}/trickle`, {}, { ...rules, timeoutMs: 300 })).rejects.toMatchObject({ limit: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('refuses hosts the channel does not document, and http, unless explicitly allowed', async () => {
    const strict = { ...rules, allowHosts: [] };
    await expect(downloadMedia(fetcher(), 'https://cdn.attacker.example/x.jpg', {}, strict)).rejects.toMatchObject({ refusal: { kind: 'url', reason: 'host' } });
    await expect(downloadMedia(fetcher(), 'http://lookaside.fbsbx.com/x.jpg', {}, strict)).rejects.toMatchObject({ refusal: { kind: 'url', reason: 'scheme' } });
  });
});
