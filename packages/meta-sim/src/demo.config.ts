/**
 * The one place the demo reads the environment (design §5: only config modules read env). The secret
 * defaults are the sim's own, for tests: no help desk accepts them — a DEMO_SIM=1 server generates its
 * channels' secrets and hands them to startMetaSim explicitly.
 */

export interface DemoConfig {
  keluhUrl: string;
  port: number;
  whatsappAppSecret: string;
  instagramAppSecret: string;
  whatsappAccessToken: string;
  instagramAccessToken: string;
  intervalMs: number;
}

export function demoConfigFromEnv(env: Record<string, string | undefined> = process.env): DemoConfig {
  const number = (value: string | undefined, fallback: number) => {
    const parsed = Number(value);
    return value !== undefined && value !== '' && Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
  };
  return {
    keluhUrl: (env.KELUH_URL || 'http://localhost:3000').replace(/\/+$/, ''),
    port: number(env.META_SIM_PORT, 3900),
    whatsappAppSecret: env.WHATSAPP_APP_SECRET || 'demo-whatsapp-secret',
    instagramAppSecret: env.INSTAGRAM_APP_SECRET || 'demo-instagram-secret',
    whatsappAccessToken: env.WHATSAPP_ACCESS_TOKEN || 'demo-whatsapp-token',
    instagramAccessToken: env.INSTAGRAM_ACCESS_TOKEN || 'demo-instagram-token',
    intervalMs: number(env.META_SIM_INTERVAL_MS, 3000),
  };
}
