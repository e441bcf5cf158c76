import { apiChannelSignature, parseAllowHosts } from '@keluh/channels';
import type { Config } from '../config/config.ts';
import { adjustableClock } from './adjustable-clock.ts';
import { startTestApp, type TestApp } from './test-app.ts';
import { scryptHasher } from '../security/password-hasher.ts';

export const ADMIN = { email: 'admin@keluh.test', password: 'admin-password-1' };

export interface CreatedApiChannel {
  id: number;
  secret: string;
  inboundUrl: string;
}

export interface ApiChannelHarness {
  t: TestApp;
  admin: Record<string, string>;
  agent: Record<string, string>;
  /** Moves the help desk's clock (outbox back-off) forward. */
  advance(ms: number): void;
  createChannel(webhookUrl?: string, name?: string): Promise<CreatedApiChannel>;
  /** POSTs exactly `raw` over real HTTP, signed with `secret` unless a signature header is given. */
  post(channelId: number, raw: string, auth: { secret: string } | { signature?: string }): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** The real app on a real port with an admin and an agent signed in: what the API channel tests drive. */
export async function startApiChannelHarness(options: { config?: Partial<Config> } = {}): Promise<ApiChannelHarness> {
  const clock = adjustableClock();
  // The integrator's test endpoints listen on 127.0.0.1 over http: listed, as an operator running an
  // integration on the same machine would list it.
  const t = await startTestApp({ clock, config: { OUTBOUND_ALLOW_HOSTS: parseAllowHosts('127.0.0.1'), ...options.config } });
  await t.db.users.create({ email: ADMIN.email, name: 'Test Admin', role: 'admin', passwordHash: await scryptHasher.hash(ADMIN.password) }, clock.now());
  const adminLogin = await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: ADMIN });
  const admin = { authorization: `Bearer ${adminLogin.json<{ token: string }>().token}` };
  const agent = { authorization: `Bearer ${await t.login()}` };
  return {
    t,
    admin,
    agent,
    advance: (ms) => clock.advance(ms),
    async createChannel(webhookUrl = 'http://127.0.0.1:9/unused', name = 'Telegram bridge') {
      const response = await fetch(`${t.url}/api/api-channels`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ name, webhookUrl }),
      });
      if (response.status !== 201) throw new Error(`creating an API channel answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as CreatedApiChannel;
    },
    async post(channelId, raw, auth) {
      const signature = 'secret' in auth ? apiChannelSignature(raw, auth.secret) : auth.signature;
      const response = await fetch(`${t.url}/webhooks/api/${channelId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature ? { 'x-keluh-signature': signature } : {}) },
        body: raw,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    close: () => t.close(),
  };
}
