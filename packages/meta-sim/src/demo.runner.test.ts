import { describe, expect, it } from 'vitest';
import { demoConfigFromEnv } from './demo.config.ts';
import { startMetaSim } from './demo.runner.ts';
import { DEMO_CONVERSATIONS, interleave } from './demo.script.ts';
import { startTestReceiver } from './receiver.testkit.ts';
import { verifySignature } from './signer.ts';

describe('demo complaint script', () => {
  it('has about ten conversations from several customers on both channels, in Indonesian and English', () => {
    expect(DEMO_CONVERSATIONS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(DEMO_CONVERSATIONS.map((c) => c.channel))).toEqual(new Set(['whatsapp', 'instagram']));
    expect(new Set(DEMO_CONVERSATIONS.map((c) => c.language))).toEqual(new Set(['id', 'en']));
    for (const c of DEMO_CONVERSATIONS) if (c.channel === 'whatsapp') expect(c.waId).toMatch(/^628\d{8,11}$/);
  });

  it('interleaves customers so the first message of each arrives before anyone’s second', () => {
    const timeline = interleave(DEMO_CONVERSATIONS);
    expect(timeline).toHaveLength(DEMO_CONVERSATIONS.reduce((n, c) => n + c.steps.length, 0));
    expect(timeline.slice(0, DEMO_CONVERSATIONS.length).map((t) => t.conversation)).toEqual(DEMO_CONVERSATIONS);
  });

  it('reads the target, port and secrets from the environment with demo defaults', () => {
    expect(demoConfigFromEnv({})).toMatchObject({
      keluhUrl: 'http://localhost:3000',
      port: 3900,
      whatsappAppSecret: 'demo-whatsapp-secret',
      instagramAppSecret: 'demo-instagram-secret',
    });
    expect(demoConfigFromEnv({ KELUH_URL: 'http://127.0.0.1:4000/', META_SIM_PORT: '0' })).toMatchObject({ keluhUrl: 'http://127.0.0.1:4000', port: 0 });
  });

  it('plays the whole script into the help desk webhooks, signed per channel, and then stops sending', async () => {
    const receiver = await startTestReceiver();
    const lines: string[] = [];
    const base = receiver.url.replace(/\/webhooks$/, '');
    const handle = await startMetaSim({ keluhUrl: base, port: 0, intervalMs: 0, log: (l) => lines.push(l) });
    try {
      const summary = await handle.done;
      const total = interleave(DEMO_CONVERSATIONS).length;
      expect(summary).toEqual({ sent: total, failed: 0 });
      expect(receiver.requests).toHaveLength(total);
      const wa = receiver.requests.filter((r) => r.path === '/webhooks/whatsapp');
      const igs = receiver.requests.filter((r) => r.path === '/webhooks/instagram');
      expect(wa.length + igs.length).toBe(total);
      expect(wa.every((r) => verifySignature(r.body, r.headers['x-hub-signature-256'] as string, 'demo-whatsapp-secret'))).toBe(true);
      expect(igs.every((r) => verifySignature(r.body, r.headers['x-hub-signature-256'] as string, 'demo-instagram-secret'))).toBe(true);
      expect(lines.filter((l) => l.startsWith('→ '))).toHaveLength(total);
    } finally {
      await handle.stop();
      await receiver.close();
    }
  });
});
