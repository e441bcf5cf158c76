import type { NetworkInterfaceInfo } from 'node:os';

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

const ALL_IPV4 = new Set(['0.0.0.0']);
const ALL_IPV6 = new Set(['::', '::0', '[::]', '0:0:0:0:0:0:0:0']);

export function isWildcardHost(host: string): boolean {
  return ALL_IPV4.has(host) || ALL_IPV6.has(host);
}

export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127\./.test(bare);
}

/**
 * The addresses a server listening on `host` answers on. A wildcard host means every interface this
 * machine has — `::` takes IPv4 too on a dual-stack system — so that is what the banner lists, rather
 * than "0.0.0.0", which says nothing about who can reach it.
 */
export function listenAddresses(host: string, interfaces: Interfaces): string[] {
  if (!isWildcardHost(host)) return [host];
  const families = ALL_IPV6.has(host) ? new Set(['IPv4', 'IPv6']) : new Set(['IPv4']);
  const found: string[] = [];
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      if (!families.has(entry.family)) continue;
      // A link-local IPv6 address is only reachable with its interface named.
      found.push(entry.family === 'IPv6' && entry.scopeid ? `${entry.address}%${name}` : entry.address);
    }
  }
  return [...new Set(found)];
}
