import { z } from 'zod';
import { DEFAULT_INSTAGRAM_CDN_HOSTS, parseAllowHosts } from '@keluh/channels';

/** docker-compose passes `${VAR:-}` as an empty string: that means "not set", not "set to nothing". */
function unsetWhenEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema);
}

const secretKeySchema = z
  .string()
  .regex(/^\s*(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)\s*$/, { error: '32 bytes as 64 hex characters or base64 (openssl rand -hex 32)' });
import { originListSchema, trustProxySchema, widgetOriginsSchema } from './network-settings.ts';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

/** `90s`, `15m`, `12h`, `30d` → milliseconds. */
const duration = z
  .string()
  .regex(/^[1-9][0-9]*(ms|s|m|h|d)$/, { error: 'A duration such as 90s, 15m, 12h or 30d' })
  .transform((text) => {
    const [, amount, unit] = /^(\d+)(ms|s|m|h|d)$/.exec(text)!;
    return Number(amount) * UNIT_MS[unit as Unit];
  });

/** `20/1m` (or `20/m`): at most 20 in any window of one minute. */
const rate = z
  .string()
  .regex(/^[1-9][0-9]*\/([1-9][0-9]*)?(ms|s|m|h|d)$/, { error: 'A rate such as 20/1m or 5/10s' })
  .transform((text) => {
    const [, limit, amount, unit] = /^(\d+)\/(\d*)(ms|s|m|h|d)$/.exec(text)!;
    return { limit: Number(limit), windowMs: Number(amount || 1) * UNIT_MS[unit as Unit] };
  });

/**
 * The only place that reads the environment. Everything else receives a typed Config, so tests build
 * apps with explicit settings and nothing depends on process-wide state.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Where the server keeps its data: the generated secrets key, and by default the database and media. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Defaults to sqlite://<DATA_DIR>/keluh.db. */
  DATABASE_URL: z.string().min(1).optional(),
  ADMIN_EMAIL: z.email().default('admin@keluh.test'),
  /** The first admin's password; generated and printed once when unset (no password in the source works). */
  ADMIN_PASSWORD: unsetWhenEmpty(z.string().min(8).optional()),
  /** The demo staff's password (tests and e2e set it); generated per person and printed once when unset. */
  DEMO_PASSWORD: unsetWhenEmpty(z.string().min(8).optional()),
  /**
   * 32-byte key sealing the stored secrets (AES-256-GCM): 64 hex characters or base64. When unset, a key is
   * generated into <DATA_DIR>/secret.key (0600) on the first start.
   */
  SECRET_KEY: unsetWhenEmpty(secretKeySchema.optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Signs widget visitor tokens; generated and stored in the database when unset. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Lifetime of a widget visitor's access token; the widget refreshes it without the visitor noticing. */
  WIDGET_TOKEN_TTL: duration.prefault('15m'),
  /** How long a widget visitor session lasts without use (each refresh moves it forward). */
  WIDGET_SESSION_TTL: duration.prefault('30d'),
  /** Widget messages one visitor may send. */
  WIDGET_MESSAGE_RATE: rate.prefault('20/1m'),
  /** Widget messages from one IP address (IPv6: one /64), across visitors: shared offices and carrier NAT. */
  WIDGET_MESSAGE_IP_RATE: rate.prefault('120/1m'),
  /** Widget sessions started or refreshed from one IP address (IPv6: one /64). */
  WIDGET_SESSION_IP_RATE: rate.prefault('30/1m'),
  /** Refreshes of one widget visitor session. */
  WIDGET_SESSION_RATE: rate.prefault('10/1m'),
  /**
   * How long an outbox send claimed by a process stays its own. A process that dies holding one leaves it
   * claimed this long, so this is how soon another process (or the restarted one) finishes its pending
   * sends. It must outlast one send (Graph calls time out after 20 s): shorter values are for tests.
   */
  OUTBOX_LEASE: duration.prefault('5m').pipe(z.number().min(1_000, { error: 'At least 1s' })),
  /** Whether to create demo users, customers and tickets on an empty database. */
  SEED_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((value) => value === '1' || value === 'true'),
  /** Public URL printed at start; defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** Where downloaded channel media are kept, content-addressed. Defaults to <DATA_DIR>/media. */
  MEDIA_DIR: z.string().min(1).optional(),
  // Channel credentials, copied into the channel settings on first start when set (admins edit them later).
  WHATSAPP_APP_SECRET: z.string().min(1).optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().min(1).optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().min(1).optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().min(1).optional(),
  INSTAGRAM_APP_SECRET: z.string().min(1).optional(),
  INSTAGRAM_VERIFY_TOKEN: z.string().min(1).optional(),
  INSTAGRAM_ACCESS_TOKEN: z.string().min(1).optional(),
  INSTAGRAM_ACCOUNT_ID: z.string().min(1).optional(),
  /** Base URL of the Graph API for both channels (point at meta-sim locally). */
  GRAPH_API_BASE_URL: z.url().optional(),
  /**
   * host[:port] list the outbound guard lets through over http and on loopback / private addresses
   * (a local Meta stand-in, an integration on this machine). Everything else must be public https.
   */
  OUTBOUND_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((value, context) => {
      try {
        return parseAllowHosts(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  /** Host suffixes Instagram attachments may be downloaded from (Meta's CDN). */
  INSTAGRAM_CDN_HOSTS: z
    .string()
    .default(DEFAULT_INSTAGRAM_CDN_HOSTS.join(','))
    .transform((value) => value.split(',').map((host) => host.trim().toLowerCase()).filter((host) => host.length > 0))
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+$/, { error: 'Host names only, comma-separated' })).min(1)),
  /** Largest channel attachment downloaded, in bytes (WhatsApp documents go up to 100 MB). */
  MEDIA_MAX_BYTES: z.coerce.number().int().min(1024).default(100 * 1024 * 1024),
  /** How long one attachment download may take, redirects and all, before it is cut. */
  MEDIA_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /** Run the Meta stand-in alongside the server, feeding demo complaints (npm start with DEMO_SIM=1). */
  DEMO_SIM: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  /** Port of the in-process Meta stand-in (DEMO_SIM=1) on 127.0.0.1; the demo channels point at it. */
  META_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(3900),
  /** Which proxies' X-Forwarded-* headers are believed (client address, https, host). */
  TRUST_PROXY: trustProxySchema,
  /** Origins besides our own (PUBLIC_URL, Host) allowed to use the console's cookie and /agent socket. */
  CONSOLE_ORIGINS: originListSchema,
  /** Sites allowed to embed the widget and open the /visitor socket. */
  WIDGET_ORIGINS: widgetOriginsSchema,
  /**
   * Joins several API processes: socket.io's Redis adapter, the cross-process commit signal, shared rate
   * limits and presence. Unset, one process keeps all of that in memory and never touches Redis.
   */
  REDIS_URL: unsetWhenEmpty(z.string().regex(/^rediss?:\/\/[^\s]+$/, { error: 'A redis:// or rediss:// URL' }).optional()),
  /** Starts every Redis key and channel we use, so several installations (or test runs) can share one Redis. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:._-]{1,64}$/, { error: 'Up to 64 letters, digits, and : . _ -' }).default('keluh:'),
  /** How long a process's presence entries outlive its last heartbeat (it beats every third of this). */
  PRESENCE_TTL: duration.prefault('30s').pipe(z.number().min(1_000, { error: 'At least 1s' })),
  /**
   * Seconds a user with no console socket left still counts as connected: a phone that backgrounds the
   * console (and drops its socket) and comes back within it never flaps to offline.
   */
  PRESENCE_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(30),
  /** How often each process checks for idle agents (away) and users gone past the grace period (offline). */
  PRESENCE_SWEEP: duration.prefault('15s').pipe(z.number().min(100, { error: 'At least 100ms' })),
})
  .transform((config) => {
    const dataDir = config.DATA_DIR.replace(/\/+$/, '') || '/';
    return { ...config, DATABASE_URL: config.DATABASE_URL ?? `sqlite://${dataDir}/keluh.db`, MEDIA_DIR: config.MEDIA_DIR ?? `${dataDir}/media` };
  });

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** `npm run secrets:rotate`: the server's settings plus the key to rotate to (generated when unset). */
export function loadRotationConfig(env: Record<string, string | undefined> = process.env): Config & { NEW_SECRET_KEY: string | undefined } {
  const parsed = unsetWhenEmpty(secretKeySchema.optional()).safeParse(env.NEW_SECRET_KEY);
  if (!parsed.success) throw new Error(`Invalid configuration:\n  NEW_SECRET_KEY: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return { ...loadConfig(env), NEW_SECRET_KEY: parsed.data };
}

/** Settings for tests: an in-memory database, quiet logs, no demo data. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ DATABASE_URL: ':memory:', LOG_LEVEL: 'silent', SEED_DEMO: '0', PORT: '0', HOST: '127.0.0.1', MEDIA_DIR: `${process.env.TMPDIR ?? '/tmp'}/keluh-test-media` }), ...overrides };
}
