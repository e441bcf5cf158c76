import type { SeedLogin } from '../seed/seed.ts';
import { isLoopbackAddress, isWildcardHost } from './listen-addresses.ts';

export interface BannerInput {
  base: string;
  host: string;
  port: number;
  /** What `host` means on this machine (listenAddresses). */
  addresses: string[];
  databaseUrl: string;
  demoCreated: boolean;
  /** Demo staff exist in the database, created now or at an earlier start. */
  demoData: boolean;
  adminEmail: string;
  /** Logins created at this start; empty on later starts. */
  logins: SeedLogin[];
  secrets: { source: 'env' | 'file'; path: string; generated: boolean; keyId: string; sealedAtStart: number; notes: string[] };
}

const bracket = (address: string) => (address.includes(':') && !address.startsWith('[') ? `[${address}]` : address);

function listeningLine({ host, port, addresses }: BannerInput): string {
  if (!isWildcardHost(host)) return `  Listening   ${bracket(host)}:${port}`;
  return `  Listening   all interfaces (${host}) on port ${port}: ${addresses.length > 0 ? addresses.map(bracket).join(', ') : 'none found'}`;
}

function loginLines({ logins, adminEmail }: BannerInput): string[] {
  if (logins.length === 0) return [`  Admin       ${adminEmail}   (its password was printed at the first start, or is ADMIN_PASSWORD)`];
  const generated = logins.some((login) => login.password !== null);
  return [
    generated ? '  Sign in (generated passwords are shown this once; only their hashes are kept):' : '  Sign in:',
    ...logins.map((login) => `  ${(login.role === 'admin' ? 'Admin' : login.role).padEnd(11)} ${login.email} / ${login.password ?? `(${login.from})`}`),
  ];
}

function secretsLine({ secrets }: BannerInput): string[] {
  const where = secrets.source === 'env' ? 'SECRET_KEY' : secrets.path;
  const lines = [`  Secrets     sealed with ${where} (key ${secrets.keyId})${secrets.generated ? ' — generated now: back it up with the database' : ''}`];
  if (secrets.sealedAtStart > 0) lines.push(`              sealed ${secrets.sealedAtStart} secret(s) an older version had stored in plain text`);
  for (const note of secrets.notes) lines.push(`              ${note}`);
  return lines;
}

function warnings(input: BannerInput): string[] {
  const reachable = input.addresses.filter((address) => !isLoopbackAddress(address));
  if (!input.demoData || reachable.length === 0) return [];
  return [
    `  WARNING     demo data is served on ${reachable.map(bracket).join(', ')}, not only on this machine:`,
    '              anyone who can reach it can use the demo shop and its chat and try to sign in as the demo staff.',
    '              Set HOST=127.0.0.1 to keep the demo local, or start a real install with SEED_DEMO=0.',
  ];
}

/** What the server prints once it listens: where to go, who can reach it, how to sign in. */
export function startBanner(input: BannerInput): string[] {
  const { base } = input;
  return [
    '',
    '  Keluh help desk is running',
    `  Console     ${base}/`,
    `  Demo shop   ${base}/demo   (the chat widget: ${base}/widget.js)`,
    `  API docs    ${base}/docs`,
    listeningLine(input),
    `  Database    ${input.databaseUrl}${input.demoCreated ? '  (demo data created)' : ''}`,
    ...secretsLine(input),
    '',
    ...loginLines(input),
    ...(warnings(input).length > 0 ? ['', ...warnings(input)] : []),
    '',
    '  Stop it with Ctrl-C.',
    '',
  ];
}
