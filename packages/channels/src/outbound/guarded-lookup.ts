import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { classifyAddress } from './address.rules.ts';
import { OutboundBlockedError } from './outbound.errors.ts';
import type { OutboundRefusal } from './url.rules.ts';

/** `dns.lookup` with `all: true`, the only shape the guard calls; tests pass a resolver of their own. */
export type ResolveAll = (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

export const systemResolver: ResolveAll = (hostname, callback) => dnsLookup(hostname, { all: true, verbatim: true }, callback);

/** The first resolved address that is off limits, as a refusal; null when every address is public. */
export function refusalFor(hostname: string, addresses: readonly LookupAddress[], url: string): OutboundRefusal | null {
  for (const { address } of addresses) {
    const cls = classifyAddress(address);
    if (cls) return { kind: 'address', reason: cls, address, url };
  }
  return addresses.length === 0 ? { kind: 'address', reason: 'reserved', address: hostname, url } : null;
}

/**
 * The `lookup` a socket uses to connect. Checking here, rather than resolving first and connecting
 * later, means the address that is checked is the address that is dialled: a DNS answer that changes
 * between a check and the connection (rebinding) cannot slip through. A host with any internal address
 * is refused outright, even if a public one came first, since the socket may try them all.
 */
export function guardedLookup(url: string, resolve: ResolveAll = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (error, all) => {
      if (error) return callback(error, []);
      const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
      const addresses = family === 0 ? all : all.filter((entry) => entry.family === family);
      const refusal = refusalFor(hostname, all, url);
      if (refusal) return callback(new OutboundBlockedError(refusal), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/** For save-time checks: resolves once and reports a refusal; a name that does not resolve is not ours to judge. */
export function vetHostname(hostname: string, url: string, resolve: ResolveAll = systemResolver): Promise<OutboundRefusal | null> {
  return new Promise((done) => {
    resolve(hostname, (error, addresses) => done(error ? null : refusalFor(hostname, addresses, url)));
  });
}
