import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetaSim } from './meta-sim.ts';
import { ig, type IgPayload } from './payloads.instagram.ts';
import { wa, waBatch, waInbound, waStatuses, type WaPayload } from './payloads.whatsapp.ts';
import { startTestReceiver, type TestReceiver } from './receiver.testkit.ts';
import { serializePayload } from './signer.ts';
import { verifyHandshake } from './webhook.sender.ts';
import { RINA, waText } from './testing.helpers.ts';

const WA_SECRET = 'wa-secret-for-tests';
const IG_SECRET = 'ig-secret-for-tests';
const sim = createMetaSim({ knobs: { whatsapp: { appSecret: WA_SECRET }, instagram: { appSecret: IG_SECRET } } });
let receiver: TestReceiver;
let statusFor: (n: number) => number = () => 200;

beforeAll(async () => {
  await sim.start();
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(async () => {
  sim.reset();
  statusFor = () => 200;
  receiver = await startTestReceiver({ secret: WA_SECRET, respond: (r) => statusFor(r.seq), verifyToken: 'verify-me' });
  sim.knobs.whatsapp.webhookUrl = receiver.url;
  sim.knobs.instagram.webhookUrl = receiver.url;
});
afterEach(async () => {
  await sim.settle();
  await receiver.close();
});

const rina = { name: 'Rina Wulandari', waId: RINA };
const budi = { name: 'Budi S.', waId: '6285700011122' };

describe('webhook sender', () => {
  it('signs the exact bytes it sends with the channel app secret', async () => {
    const report = await sim.webhooks.whatsapp.inbound(rina, wa.text('Paket saya belum sampai'));
    expect(report.delivered).toBe(true);
    const [request] = receiver.requests;
    expect(request?.signatureValid).toBe(true);
    expect(request?.headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(request?.headers['content-type']).toBe('application/json');
  });

  it('batches several entries, changes, messages and statuses into one POST', async () => {
    const b = sim.webhooks.whatsapp.business;
    const other = { ...b, wabaId: '498712345600099' };
    const payload = waBatch(
      [
        waInbound(b, rina, [wa.text('satu'), wa.text('dua')]),
        waStatuses(b, [{ id: 'wamid.A', status: 'delivered' }, { id: 'wamid.B', status: 'read' }]),
        waInbound(other, budi, [wa.text('tiga')]),
        waStatuses(other, [{ id: 'wamid.C', status: 'sent' }]),
        waInbound({ ...b, wabaId: '498712345600077' }, budi, [wa.text('empat')]),
      ],
      { mergeEntries: true },
    );
    await sim.webhooks.whatsapp.deliver(payload);
    expect(receiver.requests).toHaveLength(1);
    const body = receiver.requests[0]?.json as WaPayload;
    expect(body.entry.map((e) => e.changes.length)).toEqual([2, 2, 1]);
    expect(body.entry[0]?.changes[0]?.value.messages).toHaveLength(2);
  });

  it('delivers the same bytes twice in a row when duplication is on', async () => {
    sim.knobs.delivery.duplicate = 'sequential';
    const report = await sim.webhooks.whatsapp.inbound(rina, wa.text('dua kali'));
    expect(report.duplicates).toHaveLength(1);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[0]?.body.equals(receiver.requests[1]?.body as Buffer)).toBe(true);
  });

  it('delivers two identical POSTs at the same time when concurrent duplication is on', async () => {
    const slow = await startTestReceiver({ respond: async () => new Promise((r) => setTimeout(() => r(200), 50)) });
    try {
      const report = await sim.webhooks.whatsapp.inbound(rina, wa.text('bersamaan'), { url: slow.url, duplicate: 'concurrent' });
      const [a, b] = [report.attempts[0], report.duplicates[0]?.attempts[0]];
      expect(slow.requests).toHaveLength(2);
      // Both POSTs were in flight together: the second started before the first was answered.
      expect(b?.startedAt ?? Infinity).toBeLessThan((a?.startedAt ?? 0) + (a?.durationMs ?? 0));
      expect(a?.startedAt ?? Infinity).toBeLessThan((b?.startedAt ?? 0) + (b?.durationMs ?? 0));
    } finally {
      await slow.close();
    }
  });

  it('retries a failed delivery on the compressed schedule until it gets a 200', async () => {
    statusFor = (n) => (n <= 2 ? 500 : 200);
    sim.knobs.delivery.retryDelaysMs = [30, 60];
    const report = await sim.webhooks.whatsapp.inbound(rina, wa.text('retry'));
    expect(report.delivered).toBe(true);
    expect(report.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    const [first, second, third] = receiver.requests.map((r) => r.receivedAt);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(25);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(55);
    expect(sim.state.deliveries).toHaveLength(3);
  });

  it('treats anything but exactly 200 as failure and gives up after the maximum attempts', async () => {
    statusFor = () => 204;
    sim.knobs.delivery.retryDelaysMs = [1, 1, 1, 1];
    sim.knobs.delivery.maxAttempts = 3;
    const report = await sim.webhooks.whatsapp.inbound(rina, wa.text('never'));
    expect(report.delivered).toBe(false);
    expect(report.attempts).toHaveLength(3);
  });

  it('counts a refused connection and a timeout as failed attempts', async () => {
    sim.knobs.delivery.retryDelaysMs = [1];
    const closed = await startTestReceiver();
    await closed.close();
    const refused = await sim.webhooks.whatsapp.inbound(rina, wa.text('x'), { url: closed.url });
    expect(refused.attempts.map((a) => a.status)).toEqual([null, null]);
    const slow = await startTestReceiver({ respond: () => new Promise((r) => setTimeout(() => r(200), 300)) });
    try {
      const timedOut = await sim.webhooks.whatsapp.inbound(rina, wa.text('y'), { url: slow.url, timeoutMs: 50, maxAttempts: 1 });
      expect(timedOut.delivered).toBe(false);
      expect(timedOut.attempts[0]?.status).toBeNull();
    } finally {
      await slow.close();
    }
  });

  it('delivers several notifications reversed or in a seeded shuffle', async () => {
    const b = sim.webhooks.whatsapp.business;
    const payloads = ['t1', 't2', 't3', 't4'].map((t, i) => waInbound(b, rina, [wa.text(t, { at: 1767225600_000 + i * 1000 })]));
    await sim.webhooks.whatsapp.deliverMany(payloads, { order: 'reversed' });
    const bodies = () => receiver.requests.map((r) => ((r.json as WaPayload).entry[0]?.changes[0]?.value.messages as { text: { body: string } }[])[0]?.text.body);
    expect(bodies()).toEqual(['t4', 't3', 't2', 't1']);
    receiver.requests.length = 0;
    await sim.webhooks.whatsapp.deliverMany(payloads, { order: 'shuffled' });
    const shuffled = bodies();
    receiver.requests.length = 0;
    await sim.webhooks.whatsapp.deliverMany(payloads, { order: 'shuffled' });
    expect(bodies()).toEqual(shuffled);
    expect([...shuffled].sort()).toEqual(['t1', 't2', 't3', 't4']);
  });

  it('can send a missing, a tampered, or a wrongly-formed signature for negative tests', async () => {
    await sim.webhooks.whatsapp.inbound(rina, wa.text('no header'), { signature: null, maxAttempts: 1 });
    await sim.webhooks.whatsapp.inbound(rina, wa.text('tampered'), { tamper: (b) => Buffer.from(b.toString().replace('tampered', 'tampereD')), maxAttempts: 1 });
    await sim.webhooks.whatsapp.inbound(rina, wa.text('sha1'), { signature: 'sha1=abc', maxAttempts: 1 });
    expect(receiver.requests.map((r) => r.signatureValid)).toEqual([false, false, false]);
    expect(receiver.requests[0]?.headers['x-hub-signature-256']).toBeUndefined();
  });

  it('sends Instagram text escaped by default, or as raw UTF-8 signed over the escaped form', async () => {
    const igReceiver = await startTestReceiver({ secret: IG_SECRET });
    try {
      sim.knobs.instagram.webhookUrl = igReceiver.url;
      await sim.webhooks.instagram.inbound('1122334455667788', ig.text('Kopi di café kalian basi 😞'));
      expect(igReceiver.requests[0]?.body.toString()).toContain(String.raw`caf\u00e9 kalian basi \ud83d\ude1e`);
      expect(igReceiver.requests[0]?.signatureValid).toBe(true);
      const payload = JSON.parse(igReceiver.requests[0]?.body.toString() ?? '{}') as IgPayload;
      await sim.webhooks.instagram.deliver(payload, { escapeUnicode: false, signOver: serializePayload(payload), maxAttempts: 1 });
      expect(igReceiver.requests[1]?.body.toString()).toContain('café');
      expect(igReceiver.requests[1]?.signatureValid).toBe(false);
    } finally {
      await igReceiver.close();
    }
  });

  it('opens the customer-service window when it delivers a customer message', async () => {
    sim.knobs.whatsapp.windowMode = 'sync';
    expect((await waText(sim, `+${budi.waId}`, 'halo')).error?.code).toBe(131047);
    await sim.webhooks.whatsapp.inbound(budi, wa.text('Halo, paket saya?'));
    expect((await waText(sim, `+${budi.waId}`, 'Halo Kak Budi')).status).toBe(200);
  });

  it('disables Instagram webhooks after repeated failures until the app re-subscribes', async () => {
    statusFor = () => 500;
    sim.knobs.instagram.disableAfterConsecutiveFailures = 3;
    sim.knobs.delivery.retryDelaysMs = [1, 1, 1, 1];
    const failing = await sim.webhooks.instagram.inbound('1122334455667788', ig.text('halo?'));
    expect(failing.attempts).toHaveLength(3);
    expect(failing.skipped).toBe('unsubscribed');
    expect(sim.state.alerts).toEqual([expect.objectContaining({ channel: 'instagram', kind: 'webhooks_disabled' })]);
    statusFor = () => 200;
    expect((await sim.webhooks.instagram.inbound('1122334455667788', ig.text('masih?'))).skipped).toBe('unsubscribed');
    const token = sim.knobs.instagram.accessToken;
    await fetch(`${sim.url}/v25.0/me/subscribed_apps?subscribed_fields=messages`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect((await sim.webhooks.instagram.inbound('1122334455667788', ig.text('sekarang?'))).delivered).toBe(true);
  });
});

describe('verification handshake helper', () => {
  it('reports 200 and the challenge for the right verify token', async () => {
    const result = await verifyHandshake(receiver.url, 'verify-me', { challenge: '1842097655' });
    expect(result).toMatchObject({ status: 200, body: '1842097655' });
  });

  it('reports 403 for a wrong token and for a missing hub.mode', async () => {
    expect((await verifyHandshake(receiver.url, 'nope')).status).toBe(403);
    expect((await verifyHandshake(receiver.url, 'verify-me', { mode: null })).status).toBe(403);
  });
});
