import { BlockList, isIP } from 'node:net';

/**
 * Why an address is off limits for requests the server makes on someone else's behalf (media URLs from
 * customers, admin-entered endpoints): each class reaches something inside our own network or host.
 */
export type AddressClass = 'metadata' | 'unspecified' | 'loopback' | 'private' | 'link_local' | 'cgnat' | 'unique_local' | 'ipv4_mapped' | 'multicast' | 'reserved';

type Rule = [AddressClass, string, number];

/** Checked in order, so the most telling class wins (a metadata address is link-local too). */
const ipv4Rules: Rule[] = [
  // Cloud instance metadata: credentials for the machine itself. 168.63.129.16 (Azure WireServer) looks
  // public but only the hypervisor answers it.
  ['metadata', '169.254.169.254', 32],
  ['metadata', '169.254.170.2', 32],
  ['metadata', '100.100.100.200', 32],
  ['metadata', '168.63.129.16', 32],
  // Linux connects 0.0.0.0 to the local host.
  ['unspecified', '0.0.0.0', 8],
  ['loopback', '127.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['private', '172.16.0.0', 12],
  ['private', '192.168.0.0', 16],
  ['link_local', '169.254.0.0', 16],
  ['cgnat', '100.64.0.0', 10],
  ['reserved', '192.0.0.0', 24],
  ['reserved', '192.0.2.0', 24],
  ['reserved', '198.18.0.0', 15],
  ['reserved', '198.51.100.0', 24],
  ['reserved', '203.0.113.0', 24],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
];

const ipv6Rules: Rule[] = [
  ['metadata', 'fd00:ec2::254', 128],
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  // IPv4-compatible (deprecated) and discard-only prefixes, documentation, old site-local.
  ['reserved', '::', 96],
  ['reserved', '100::', 64],
  ['reserved', '2001:db8::', 32],
  ['reserved', '64:ff9b:1::', 48],
  ['unique_local', 'fc00::', 7],
  ['link_local', 'fe80::', 10],
  ['reserved', 'fec0::', 10],
  ['multicast', 'ff00::', 8],
];

/** `a.b.c.d` as the two low 16-bit groups of an IPv6 address. */
function hexGroups(ipv4: string): string {
  const [a = 0, b = 0, c = 0, d = 0] = ipv4.split('.').map(Number);
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/**
 * NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address inside an IPv6 one, so each IPv4
 * rule is repeated inside them: `64:ff9b::7f00:1` must be as refused as 127.0.0.1, while a NAT64
 * network's public addresses keep working.
 */
const embeddedRules: Rule[] = ipv4Rules.flatMap(([cls, network, prefix]): Rule[] => [
  [cls, `64:ff9b::${hexGroups(network)}`, 96 + prefix],
  [cls, `2002:${hexGroups(network)}::`, 16 + prefix],
]);

function compile(rules: Rule[], family: 'ipv4' | 'ipv6') {
  return rules.map(([cls, network, prefix]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { cls, list };
  });
}

const compiled = { ipv4: compile(ipv4Rules, 'ipv4'), ipv6: compile([...ipv6Rules, ...embeddedRules], 'ipv6') };
const mapped = new BlockList();
mapped.addSubnet('::ffff:0:0', 96, 'ipv6');

/**
 * The class of a blocked address, or null for a public one. Anything that does not parse as an IP is
 * treated as reserved: the caller asked about an address, and failing closed is the safe answer.
 */
export function classifyAddress(address: string): AddressClass | null {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  const family = isIP(bare);
  if (family === 0) return 'reserved';
  if (family === 6 && mapped.check(bare, 'ipv6')) return 'ipv4_mapped';
  const rules = family === 4 ? compiled.ipv4 : compiled.ipv6;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return rules.find((rule) => rule.list.check(bare, type))?.cls ?? null;
}

/** Whether the text is an IP literal (URL hostnames keep IPv6 in brackets). */
export function isIpLiteral(hostname: string): boolean {
  return isIP(hostname.replace(/^\[|\]$/g, '')) !== 0;
}
