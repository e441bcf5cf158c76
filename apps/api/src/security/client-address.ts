import type { IncomingMessage } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyServerOptions } from 'fastify';

export type TrustProxy = FastifyServerOptions['trustProxy'];

/**
 * `request.ip` for a raw request, derived the way Fastify derives it from the same `trustProxy`
 * setting. socket.io's handshakes never pass through Fastify, so without this a visitor behind the
 * trusted proxy would be limited by the proxy's address on the socket and by their own on HTTP.
 */
export function clientAddressResolver(trustProxy: TrustProxy): (raw: IncomingMessage) => string {
  const trust = trustFunction(trustProxy);
  if (!trust) return (raw) => raw.socket.remoteAddress ?? '';
  return (raw) => proxyAddr(raw, trust);
}

// Mirrors fastify/lib/request.js getTrustProxyFn; client-address.test.ts holds the two side by side.
function trustFunction(trustProxy: TrustProxy): ((address: string, hop: number) => boolean) | null {
  if (!trustProxy) return null;
  if (typeof trustProxy === 'function') return trustProxy;
  if (trustProxy === true) return () => true;
  // Fastify fails closed on a bare hop count: it cannot tell a proxy from a client naming many hops.
  if (typeof (trustProxy as unknown) === 'number') return () => false;
  if (typeof trustProxy === 'string') return proxyAddr.compile(trustProxy.split(',').map((part) => part.trim()));
  return proxyAddr.compile(trustProxy);
}

/**
 * The key an address is counted under for rate limits: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by
 * its /64, the smallest block one subscriber is usually given, so rotating through it gains nothing.
 */
export function addressKey(address: string): string {
  const plain = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped) return mapped[1]!;
  if (isIPv4(plain) || !isIPv6(plain)) return plain;
  const [head = '', tail = ''] = plain.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = plain.includes('::') && tail ? tail.split(':') : [];
  const groups = plain.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
