import { z } from 'zod';

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
  DATABASE_URL: z.string().min(1).default('sqlite://./data/keluh.db'),
  ADMIN_EMAIL: z.email().default('admin@keluh.test'),
  ADMIN_PASSWORD: z.string().min(8).default('keluh-admin-123'),
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
  /** Whether to create demo users, customers and tickets on an empty database. */
  SEED_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((value) => value === '1' || value === 'true'),
  /** Public URL printed at start; defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** Where downloaded channel media are kept, content-addressed. */
  MEDIA_DIR: z.string().min(1).default('./data/media'),
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
  /** Run the Meta stand-in alongside the server, feeding demo complaints (npm start with DEMO_SIM=1). */
  DEMO_SIM: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
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

/** Settings for tests: an in-memory database, quiet logs, no demo data. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ DATABASE_URL: ':memory:', LOG_LEVEL: 'silent', SEED_DEMO: '0', PORT: '0', HOST: '127.0.0.1', MEDIA_DIR: `${process.env.TMPDIR ?? '/tmp'}/keluh-test-media` }), ...overrides };
}
