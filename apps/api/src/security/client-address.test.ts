import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddressResolver, type TrustProxy } from './client-address.ts';

describe("the client's address", () => {
  const settings: [string, TrustProxy][] = [
    ['no proxy trusted', undefined],
    ['every proxy trusted', true],
    // Fastify's runtime takes a hop count although its types leave it out (TRUST_PROXY may be one).
    ['a bare hop count', 1 as unknown as TrustProxy],
    ['one proxy address', '127.0.0.1'],
    ['a comma-separated list with a CIDR', '10.0.0.0/8, 127.0.0.1'],
    ['a list', ['loopback']],
    ['a function', (address: string) => address === '127.0.0.1'],
  ];

  it.each(settings)('is what Fastify computes as request.ip with %s', async (_label, trustProxy) => {
    const app = Fastify({ trustProxy });
    const resolve = clientAddressResolver(trustProxy);
    app.get('/', async (request) => ({ fastify: request.ip, ours: resolve(request.raw) }));
    for (const remoteAddress of ['127.0.0.1', '198.51.100.7', '10.9.8.7']) {
      for (const forwarded of [undefined, '203.0.113.9', '203.0.113.9, 10.1.2.3', 'garbage, 127.0.0.1']) {
        const response = await app.inject({ url: '/', remoteAddress, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} });
        const { fastify, ours } = response.json<{ fastify: string; ours: string }>();
        expect(ours, `${remoteAddress} / ${forwarded}`).toBe(fastify);
      }
    }
    await app.close();
  });

  it('is counted per IPv4 address and per IPv6 /64', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd:12::/64');
    expect(addressKey('2001:0db8:abcd:0012::99')).toBe('2001:db8:abcd:12::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
