import { describe, expect, it } from 'vitest';
import { createMetaSim } from './meta-sim.ts';
import { startTestReceiver } from './receiver.testkit.ts';
import { RINA, waText } from './testing.helpers.ts';

describe('meta-sim lifecycle', () => {
  it('applies partial knob overrides on top of Meta’s defaults', () => {
    const sim = createMetaSim({ knobs: { whatsapp: { windowMode: 'sync', statuses: { skipDelivered: true } } } });
    expect(sim.knobs.whatsapp.windowMode).toBe('sync');
    expect(sim.knobs.whatsapp.statuses).toMatchObject({ skipDelivered: true, upTo: 'read' });
    expect(sim.knobs.whatsapp.rateLimit.pair).toEqual({ burst: 45, refillEveryMs: 6_000 });
  });

  it('listens on 127.0.0.1 with a free port and answers a health check', async () => {
    const sim = await createMetaSim().start();
    try {
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.graphUrl()).toBe(`${sim.url}/v23.0`);
      expect(await (await fetch(`${sim.url}/health`)).json()).toEqual({ ok: true });
    } finally {
      await sim.stop();
    }
  });

  it('restores the creation knobs and forgets state, media and windows on reset', async () => {
    const sim = await createMetaSim({ knobs: { whatsapp: { accessToken: 'token-a' } } }).start();
    try {
      sim.whatsapp.customerWrote(RINA);
      await waText(sim, `+${RINA}`, 'halo');
      sim.knobs.whatsapp.accessToken = 'token-b';
      const id = sim.media.add(Buffer.from('x'), 'text/plain');
      sim.reset();
      expect(sim.knobs.whatsapp.accessToken).toBe('token-a');
      expect(sim.state.sent).toHaveLength(0);
      expect(sim.knobs.whatsapp.lastInboundAt).toEqual({});
      expect(sim.media.get(id)).toBeUndefined();
    } finally {
      await sim.stop();
    }
  });

  it('cancels status webhooks that have not gone out yet when it stops', async () => {
    const receiver = await startTestReceiver();
    const sim = await createMetaSim({ knobs: { whatsapp: { webhookUrl: receiver.url, statuses: { delaysMs: { sent: 5_000, delivered: 5_000, read: 5_000 } } } } }).start();
    try {
      sim.whatsapp.customerWrote(RINA);
      await waText(sim, `+${RINA}`, 'halo');
      const started = Date.now();
      await sim.stop();
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });
});
