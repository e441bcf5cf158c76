import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import { createGuardedFetch } from './guarded-fetch.ts';
import type { ResolveAll } from './guarded-lookup.ts';
import { startLocalServer, type LocalServer } from './local-server.testkit.ts';
import { OutboundBlockedError } from './outbound.errors.ts';
import { parseAllowHosts } from './url.rules.ts';
import { vetOutboundUrl } from './vet-url.ts';

/** A resolver answering from a table, as a DNS server an attacker controls would. */
function resolverOf(table: Record<string, string[] | (() => string[])>): ResolveAll & { asked: string[] } {
  const asked: string[] = [];
  const resolve: ResolveAll = (hostname, callback) => {
    asked.push(hostname);
    const entry = table[hostname];
    const addresses = typeof entry === 'function' ? entry() : entry;
    if (!addresses) return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
  return Object.assign(resolve, { asked });
}

describe('the guarded HTTP client', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocalServer((request, response) => {
      if (request.url === '/redirect') return response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] }).end(JSON.stringify({ ok: true }));
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.hits.length = 0;
  });

  it('calls a host listed in OUTBOUND_ALLOW_HOSTS over plain http on loopback, body and headers intact', async () => {
    const fetcher = createGuardedFetch({ allowHosts: parseAllowHosts(`127.0.0.1:${server.port}`) });
    const response = await fetcher(`${server.url}/v23.0/me`, { method: 'POST', headers: { authorization: 'Bearer t' }, body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(server.hits).toMatchObject([{ method: 'POST', url: '/v23.0/me', body: '{"a":1}', headers: { authorization: 'Bearer t', 'content-length': '7' } }]);
  });

  it('refuses the same server when it is not listed, before any connection', async () => {
    const fetcher = createGuardedFetch({ allowHosts: [] });
    await expect(fetcher(`${server.url}/`)).rejects.toMatchObject({ name: 'OutboundBlockedError', refusal: { kind: 'url', reason: 'scheme' } });
    await expect(fetcher(`https://127.0.0.1:${server.port}/`)).rejects.toMatchObject({ refusal: { kind: 'address', reason: 'loopback' } });
    expect(server.hits).toHaveLength(0);
  });

  it('refuses a hostname that resolves to loopback (localhost, through the system resolver)', async () => {
    const fetcher = createGuardedFetch({ allowHosts: [] });
    const error = await fetcher(`https://localhost:${server.port}/`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutboundBlockedError);
    expect((error as OutboundBlockedError).refusal).toMatchObject({ kind: 'address', reason: 'loopback' });
    expect(server.hits).toHaveLength(0);
  });

  it('refuses a host whose DNS answer mixes a public and a private address', async () => {
    const resolve = resolverOf({ 'cdn.attacker.test': ['157.240.22.35', '10.0.0.8'] });
    const fetcher = createGuardedFetch({ allowHosts: [] }, resolve);
    await expect(fetcher('https://cdn.attacker.test/')).rejects.toMatchObject({ refusal: { kind: 'address', reason: 'private', address: '10.0.0.8' } });
    expect(resolve.asked).toEqual(['cdn.attacker.test']);
  });

  it('checks the address the socket dials, so a name that rebinds after the save-time check is still refused', async () => {
    let answers = 0;
    const resolve = resolverOf({ 'rebind.attacker.test': () => (answers++ === 0 ? ['157.240.22.35'] : ['127.0.0.1']) });
    expect(await vetOutboundUrl('https://rebind.attacker.test/hook', { allowHosts: [] }, resolve)).toBeNull();
    const fetcher = createGuardedFetch({ allowHosts: [] }, resolve);
    await expect(fetcher(`https://rebind.attacker.test:${server.port}/hook`)).rejects.toMatchObject({ refusal: { reason: 'loopback' } });
    expect(server.hits).toHaveLength(0);
  });

  it('never follows a redirect itself: the caller sees the 302 and decides', async () => {
    const fetcher = createGuardedFetch({ allowHosts: parseAllowHosts(`127.0.0.1:${server.port}`) });
    const response = await fetcher(`${server.url}/redirect`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://169.254.169.254/latest/meta-data/');
    expect(server.hits).toHaveLength(1);
  });

  it('gives up when the signal fires, with the signal’s reason', async () => {
    const slow = await startLocalServer(() => undefined);
    try {
      const fetcher = createGuardedFetch({ allowHosts: parseAllowHosts(`127.0.0.1:${slow.port}`) });
      await expect(fetcher(`${slow.url}/`, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'TimeoutError' });
    } finally {
      await slow.close();
    }
  });
});
