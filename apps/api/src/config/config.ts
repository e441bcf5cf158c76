import { z } from 'zod';
import { originListSchema, trustProxySchema, widgetOriginsSchema } from './network-settings.ts';

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
  /** Which proxies' X-Forwarded-* headers are believed (client address, https, host). */
  TRUST_PROXY: trustProxySchema,
  /** Origins besides our own (PUBLIC_URL, Host) allowed to use the console's cookie and /agent socket. */
  CONSOLE_ORIGINS: originListSchema,
  /** Sites allowed to embed the widget and open the /visitor socket. */
  WIDGET_ORIGINS: widgetOriginsSchema,
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
