import { classifyAddress, isIpLiteral, type AddressClass } from './address.rules.ts';

/**
 * One `OUTBOUND_ALLOW_HOSTS` entry: a host the operator trusts even over http and on a local address
 * (the Meta stand-in on 127.0.0.1). Without a port it covers every port of that host.
 */
export interface AllowedHost {
  hostname: string;
  port: string | null;
}

export type OutboundRefusal =
  | { kind: 'url'; reason: 'invalid' | 'scheme' | 'credentials' | 'host'; url: string }
  | { kind: 'address'; reason: AddressClass; address: string; url: string };

export interface UrlRules {
  allowHosts: readonly AllowedHost[];
  /** Host suffixes a channel documents for this kind of request; absent: any public host. */
  hosts?: readonly string[];
}

const ENTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i;

/** `127.0.0.1:3900, localhost, [::1]:8080` → entries; throws on anything that is not host[:port]. */
export function parseAllowHosts(list: string | readonly string[]): AllowedHost[] {
  const items = typeof list === 'string' ? list.split(',') : list;
  return items
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((item) => {
      const match = ENTRY.exec(item);
      if (!match) throw new Error(`"${item}" is not host or host:port`);
      return { hostname: match[1]!.toLowerCase(), port: match[2] ?? null };
    });
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

export function isExplicitlyAllowed(url: URL, allowHosts: readonly AllowedHost[]): boolean {
  const hostname = url.hostname.toLowerCase();
  return allowHosts.some((entry) => entry.hostname === hostname && (entry.port === null || entry.port === effectivePort(url)));
}

/** `fbcdn.net` covers `scontent.xx.fbcdn.net`, never `evil-fbcdn.net`. */
export function hostMatches(hostname: string, suffixes: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return suffixes.some((suffix) => {
    const wanted = suffix.toLowerCase().replace(/^\.+|\.$/g, '');
    return wanted.length > 0 && (host === wanted || host.endsWith(`.${wanted}`));
  });
}

/**
 * What can be decided from the URL alone, before any DNS: https only, no credentials in the URL, no
 * literal internal address, and (for channel media) only the channel's own hosts. Hostnames are
 * checked again after resolution, inside the connection (guarded-fetch.ts).
 */
export function checkOutboundUrl(input: string | URL, rules: UrlRules): OutboundRefusal | null {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return { kind: 'url', reason: 'invalid', url: String(input) };
  }
  if (isExplicitlyAllowed(url, rules.allowHosts)) return null;
  if (url.protocol !== 'https:') return { kind: 'url', reason: 'scheme', url: url.href };
  if (url.username || url.password) return { kind: 'url', reason: 'credentials', url: url.href };
  if (isIpLiteral(url.hostname)) {
    const cls = classifyAddress(url.hostname);
    if (cls) return { kind: 'address', reason: cls, address: url.hostname, url: url.href };
  }
  if (rules.hosts && !hostMatches(url.hostname, rules.hosts)) return { kind: 'url', reason: 'host', url: url.href };
  return null;
}

/** A sentence for logs and the agent-facing reason; the code carries the meaning. */
export function describeRefusal(refusal: OutboundRefusal): string {
  const host = safeHost(refusal.url);
  if (refusal.kind === 'address') return `${host} is a ${refusal.reason.replace('_', '-')} address (${refusal.address}), which Keluh never calls`;
  switch (refusal.reason) {
    case 'scheme':
      return `${host}: only https addresses are called (OUTBOUND_ALLOW_HOSTS lists exceptions)`;
    case 'credentials':
      return `${host}: addresses with a user name or password are not called`;
    case 'host':
      return `${host} is not a host this channel serves media from`;
    default:
      return 'The address is not a valid URL';
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'The address';
  }
}
